import { ArtifactMedia } from "./artifact-media";
import { ARTIFACT_TYPE_LABELS, type ArtifactView, type DiffPart } from "./types";

/** A text diff in one column: removed text struck through in red, added text underlined in green. */
export function TextDiff({ parts, label }: { parts: DiffPart[]; label: string }) {
  if (parts.every((p) => p.op === "equal"))
    return <p className="text-sm text-muted-foreground">The texts are the same.</p>;
  return (
    <div
      className="max-h-[60vh] overflow-auto whitespace-pre-wrap rounded-md border bg-muted/30 p-3 font-mono text-sm leading-relaxed"
      aria-label={label}
    >
      {parts.map((p, i) =>
        p.op === "insert" ? (
          <ins key={i} className="bg-success/15 text-success underline decoration-success/50">
            <span className="sr-only">[added] </span>
            {p.text}
          </ins>
        ) : p.op === "delete" ? (
          <del key={i} className="bg-destructive/10 text-destructive">
            <span className="sr-only">[removed] </span>
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}

/** Two versions side by side (stacked on a phone), with the text diff when both have text. */
export function CompareView({ from, to, diff }: { from: ArtifactView; to: ArtifactView; diff: DiffPart[] | null }) {
  const name = (a: ArtifactView) => `${ARTIFACT_TYPE_LABELS[a.artifactType]} v${a.version}`;
  return (
    <div className="grid gap-4" data-testid="compare-view">
      {diff ? (
        <section className="grid gap-2">
          <h3 className="text-sm font-semibold">
            Text changes from {name(from)} to {name(to)}
          </h3>
          <TextDiff parts={diff} label={`Text changes from ${name(from)} to ${name(to)}`} />
        </section>
      ) : null}
      {from.fileName || to.fileName || !diff ? (
        <div className="grid gap-4 md:grid-cols-2">
          {[from, to].map((a) => (
            <figure key={a.id} className="grid min-w-0 content-start gap-2" aria-label={name(a)}>
              <figcaption className="text-sm font-semibold">{name(a)}</figcaption>
              <ArtifactMedia artifact={diff ? { ...a, text: null } : a} />
            </figure>
          ))}
        </div>
      ) : null}
    </div>
  );
}
