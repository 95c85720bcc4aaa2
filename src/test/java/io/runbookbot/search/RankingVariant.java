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

    Ranking build() {
        return new Ranking(
                base.title(),
                base.path(),
                base.heading(),
                base.body(),
                base.runbook(),
                base.action(),
                check,
                fix,
                base.description(),
                intent,
                childCover,
                base.coverage(),
                leadName,
                thin,
                step,
                done,
                base.k1(),
                base.b(),
                base.candidates());
    }
}
