package io.runbookbot.search;

/**
 * A {@link Ranking} with some weights changed, for tests and tuners:
 * {@code RankingVariant.of(Ranking.DEFAULT).leadName(1).build()}.
 */
final class RankingVariant {
    private final Ranking base;
    private float check;
    private float fix;
    private float intent;
    private float childCover;
    private float leadName;
    private float thin;
    private float step;
    private float done;
    private float title;
    private float runbook;
    private float coverage;
    private float path;
    private float heading;
    private float k1;
    private float b;
    private float description;

    private RankingVariant(Ranking base) {
        this.base = base;
        this.check = base.check();
        this.fix = base.fix();
        this.intent = base.intent();
        this.childCover = base.childCover();
        this.leadName = base.leadName();
        this.thin = base.thin();
        this.step = base.step();
        this.done = base.done();
        this.title = base.title();
        this.runbook = base.runbook();
        this.coverage = base.coverage();
        this.path = base.path();
        this.heading = base.heading();
        this.k1 = base.k1();
        this.b = base.b();
        this.description = base.description();
    }

    static RankingVariant of(Ranking base) {
        return new RankingVariant(base);
    }

    RankingVariant check(float value) {
        check = value;
        return this;
    }

    RankingVariant fix(float value) {
        fix = value;
        return this;
    }

    RankingVariant intent(float value) {
        intent = value;
        return this;
    }

    RankingVariant childCover(float value) {
        childCover = value;
        return this;
    }

    RankingVariant leadName(float value) {
        leadName = value;
        return this;
    }

    RankingVariant thin(float value) {
        thin = value;
        return this;
    }

    RankingVariant step(float value) {
        step = value;
        return this;
    }

    RankingVariant done(float value) {
        done = value;
        return this;
    }

    RankingVariant title(float value) {
        title = value;
        return this;
    }

    RankingVariant runbook(float value) {
        runbook = value;
        return this;
    }

    RankingVariant coverage(float value) {
        coverage = value;
        return this;
    }

    RankingVariant k1(float value) {
        k1 = value;
        return this;
    }

    RankingVariant b(float value) {
        b = value;
        return this;
    }

    RankingVariant path(float value) {
        path = value;
        return this;
    }

    RankingVariant heading(float value) {
        heading = value;
        return this;
    }

    RankingVariant description(float value) {
        description = value;
        return this;
    }

    Ranking build() {
        return new Ranking(
                title,
                path,
                heading,
                base.body(),
                runbook,
                base.action(),
                check,
                fix,
                description,
                intent,
                childCover,
                coverage,
                leadName,
                thin,
                step,
                done,
                k1,
                b,
                base.candidates());
    }
}
