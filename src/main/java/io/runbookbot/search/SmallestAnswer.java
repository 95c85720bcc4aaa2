package io.runbookbot.search;

import io.runbookbot.core.RunbookSection;
import io.runbookbot.core.SectionHit;
import io.runbookbot.search.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Shows the smallest section that answers. A container answers with its whole subtree, and each
 * of its subsections is a candidate too. When one subsection alone holds (nearly) all of the
 * question's words that the container holds, that subsection is the answer, in the container's
 * place and at the better of their scores. When the words are spread over several subsections so
 * that none holds even {@link #SPAN_SHARE} of them, the container stands for them at the best of
 * their scores (BM25 alone would favour the shortest one that holds a few). So does a container
 * whose own heading holds all the question's words it holds ("who do I escalate to" and
 * "Escalation Procedures"): the question names its topic, and a subsection that happens to say
 * "when escalating" is not the answer. A subsection with
 * less than {@link #MIN_TEXT_LINES} lines of text (a bare code line, a one-line note) never
 * stands in for its container: it has no context, and the container is shown instead.
 *
 * <p>Words are weighted by their rarity among sections (BM25's idf), and counted in the text,
 * the heading and the enclosing headings (a subsection's enclosing headings include its
 * container's), not the runbook title, which every section of a runbook shares.
 */
final class SmallestAnswer {
    /** Lines of text (not blank, not a code fence) a subsection needs to stand in for its container. */
    static final int MIN_TEXT_LINES = 3;
    /**
     * A container stands for its subsections only when none of them holds even this share of its
     * word weight; in between, BM25 decides (it favours the shorter one).
     */
    static final double SPAN_SHARE = 0.5;

    private static final String[] FIELDS = {Fields.BODY, Fields.HEADING, Fields.PATH};

    private SmallestAnswer() {}

    /**
     * @param hits  candidates, {@code hits.get(i)} being section document {@code docs[i]}
     * @param cover share of the container's word weight a subsection must hold (1: all of it)
     * @return the candidates, each container that a subsection answers replaced by it
     */
    static List<SectionHit> prefer(
            IndexReader reader, List<String> terms, int[] docs, List<SectionHit> hits, double cover)
            throws IOException {
        if (cover <= 0 || hits.size() < 2) {
            return hits;
        }
        List<List<Integer>> inside = subsections(hits);
        if (inside.stream().allMatch(List::isEmpty)) {
            return hits;
        }
        double[] weight = new double[hits.size()];
        double[] inHeading = new double[hits.size()];
        weights(reader, terms, docs, weight, inHeading);
        List<SectionHit> out = new ArrayList<>(hits);
        boolean[] replaced = new boolean[hits.size()];
        for (int p = 0; p < hits.size(); p++) {
            if (inside.get(p).isEmpty()) {
                continue;
            }
            boolean topic = weight[p] > 0 && inHeading[p] >= weight[p]; // "who do I escalate to", "Escalation"
            int child = topic ? -1 : bestChild(hits, inside.get(p), weight, p, cover);
            if (child >= 0) {
                SectionHit c = hits.get(child);
                out.set(
                        child,
                        new SectionHit(
                                c.section(), Math.max(c.score(), hits.get(p).score())));
                replaced[p] = true;
            } else if (topic || spans(hits, inside.get(p), weight, p)) {
                double best = inside.get(p).stream()
                        .mapToDouble(c -> hits.get(c).score())
                        .max()
                        .orElse(0);
                out.set(
                        p,
                        new SectionHit(
                                hits.get(p).section(), Math.max(hits.get(p).score(), best)));
            }
        }
        List<SectionHit> kept = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            if (!replaced[i]) {
                kept.add(out.get(i));
            }
        }
        return kept;
    }

    /** For each candidate, the candidates inside it (its subsections), found within each file only. */
    private static List<List<Integer>> subsections(List<SectionHit> hits) {
        Map<String, List<Integer>> byFile = new HashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            byFile.computeIfAbsent(hits.get(i).section().file(), f -> new ArrayList<>())
                    .add(i);
        }
        List<List<Integer>> inside = new ArrayList<>(hits.size());
        for (int p = 0; p < hits.size(); p++) {
            RunbookSection parent = hits.get(p).section();
            List<Integer> children = new ArrayList<>();
            for (int c : byFile.get(parent.file())) {
                RunbookSection child = hits.get(c).section();
                if (child.line() > parent.line() && child.endLine() <= parent.endLine()) {
                    children.add(c);
                }
            }
            inside.add(children);
        }
        return inside;
    }

    /**
     * Whether no subsection of hit {@code p} that can stand alone holds {@link #SPAN_SHARE} of its
     * word weight: the match spans them (or only a fragment holds it).
     */
    private static boolean spans(List<SectionHit> hits, List<Integer> inside, double[] weight, int p) {
        return inside.stream()
                .noneMatch(c -> weight[c] >= SPAN_SHARE * weight[p]
                        && standsAlone(hits.get(c).section()));
    }

    /** The best-scoring subsection of hit {@code p} that holds enough of its word weight, or -1. */
    private static int bestChild(List<SectionHit> hits, List<Integer> inside, double[] weight, int p, double cover) {
        int best = -1;
        for (int c : inside) {
            boolean holds = weight[p] > 0 && weight[c] >= cover * weight[p];
            if (holds
                    && (best < 0 || hits.get(c).score() > hits.get(best).score())
                    && standsAlone(hits.get(c).section())) {
                best = c;
            }
        }
        return best;
    }

    /** At least {@link #MIN_TEXT_LINES} lines of text below the heading, not counting blanks and fences. */
    static boolean standsAlone(RunbookSection s) {
        String[] lines = s.text().split("\n", MIN_TEXT_LINES * 4 + 1);
        int n = 0;
        for (int i = 1; i < lines.length && n < MIN_TEXT_LINES; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("```") && !l.startsWith("~~~")) {
                n++;
            }
        }
        return n >= MIN_TEXT_LINES;
    }

    /**
     * Per candidate: the summed idf of the distinct question terms it holds in any of
     * {@link #FIELDS} ({@code weight}), and of those it holds in its own heading ({@code inHeading}).
     */
    private static void weights(IndexReader reader, List<String> terms, int[] docs, double[] weight, double[] inHeading)
            throws IOException {
        int[] order = sortedIndexes(docs);
        int n = reader.numDocs();
        TermEnums enums = new TermEnums(reader, List.of(FIELDS));
        for (String t : terms) {
            BitSet holds = new BitSet(docs.length);
            BitSet headed = new BitSet(docs.length);
            BytesRef bytes = new BytesRef(t);
            for (int field = 0; field < FIELDS.length; field++) {
                mark(reader, enums, field, bytes, docs, order, FIELDS[field].equals(Fields.HEADING) ? headed : holds);
            }
            holds.or(headed);
            double df = DocFrequencies.of(reader, new Term(Fields.BODY, t));
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            for (int i = holds.nextSetBit(0); i >= 0; i = holds.nextSetBit(i + 1)) {
                weight[i] += idf;
            }
            for (int i = headed.nextSetBit(0); i >= 0; i = headed.nextSetBit(i + 1)) {
                inHeading[i] += idf;
            }
        }
    }

    /** Sets bit i for each candidate {@code docs[i]} whose field holds the term. */
    private static void mark(
            IndexReader reader, TermEnums enums, int field, BytesRef term, int[] docs, int[] order, BitSet holds)
            throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum postings = enums.postings(leaf, field, term);
            if (postings == null) {
                continue;
            }
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (int i : order) {
                int doc = docs[i];
                if (doc < leaf.docBase || doc >= end) {
                    continue;
                }
                int local = doc - leaf.docBase;
                int at = postings.docID() < local ? postings.advance(local) : postings.docID();
                if (at == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                if (at == local) {
                    holds.set(i);
                }
            }
        }
    }

    private static int[] sortedIndexes(int[] docs) {
        return java.util.stream.IntStream.range(0, docs.length)
                .boxed()
                .sorted((a, b) -> Integer.compare(docs[a], docs[b]))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
