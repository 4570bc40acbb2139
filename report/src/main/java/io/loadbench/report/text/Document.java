package io.loadbench.report.text;

import io.loadbench.results.Secrets;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of blocks: what a command reports, independent of how it is rendered. Every text reaching it
 * (headings, paragraphs, {@link Table} cells) comes from run folders a user may share, so it is masked by
 * {@link Secrets} on the way in: whatever a run folder kept verbatim (an old {@code jmh.json}'s JVM arguments, a
 * failure reason), no renderer prints a password.
 */
public final class Document {

    /** One piece of a document. */
    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** A heading; level 1 is the title, 2 a section, 3 a subsection. */
    public record Heading(int level, String text) implements Block {
    }

    /** A line of prose. */
    public record Paragraph(String text) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    public Document heading(int level, String text) {
        blocks.add(new Heading(level, Secrets.maskUrl(text)));
        return this;
    }

    public Document paragraph(String text) {
        blocks.add(new Paragraph(Secrets.maskUrl(text)));
        return this;
    }

    public Document table(Table table) {
        blocks.add(table);
        return this;
    }

    public Document append(Document other) {
        blocks.addAll(other.blocks);
        return this;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }
}
