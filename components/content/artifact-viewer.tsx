"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/action";
import { formatDateTime } from "@/lib/utils";
import { ArtifactMedia } from "./artifact-media";
import {
  formatSeconds,
  isImageAnchor,
  isTimeAnchor,
  mediaKind,
  type Anchor,
  type ArtifactCommentView,
  type ArtifactView,
  type ImageAnchor,
} from "./types";

export type CommentInput = { artifactId: string; body: string; anchor: Anchor | null; internal: boolean };
// The portal's own server action (agency, creator or client), called with the comment plus `commentContext`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each portal's action extends CommentInput with its ids
export type CommentActionFn = (input: any) => Promise<ActionResult<unknown>>;

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/**
 * One artifact version with its comment thread. Comments may be anchored: on an image, click (or focus the
 * image and press Enter, then move with the arrow keys) to place a marker; on a video, tick "at the current
 * time". Existing anchored comments show as numbered markers on the image or as time links that seek the video.
 */
export function ArtifactViewer({
  artifact,
  comments,
  comment,
  commentContext,
  staff,
}: {
  artifact: ArtifactView;
  comments: ArtifactCommentView[];
  /** The server action that posts a comment; absent when the viewer may not comment. */
  comment?: CommentActionFn;
  /** Ids the portal's action needs besides the artifact (campaign, task, approval). */
  commentContext?: Record<string, string>;
  /** Agency staff: may mark comments internal and sees which ones are. */
  staff: boolean;
}) {
  const router = useRouter();
  const videoRef = useRef<HTMLVideoElement>(null);
  const kind = mediaKind(artifact);
  const [pin, setPin] = useState<ImageAnchor | null>(null);
  const [atTime, setAtTime] = useState(false);
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const anchored = comments.filter((c) => isImageAnchor(c.anchor));
  const fieldId = `artifact-comment-${artifact.id}`;

  function place(event: React.MouseEvent<HTMLImageElement>) {
    if (!comment) return;
    const rect = event.currentTarget.getBoundingClientRect();
    setPin({
      x: clamp((event.clientX - rect.left) / rect.width),
      y: clamp((event.clientY - rect.top) / rect.height),
      w: 0,
      h: 0,
    });
  }

  function nudge(event: React.KeyboardEvent<HTMLDivElement>) {
    const step = 0.05;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setPin((p) => p ?? { x: 0.5, y: 0.5, w: 0, h: 0 });
    } else if (event.key === "Escape") {
      setPin(null);
    } else if (moves[event.key]) {
      event.preventDefault();
      const [dx, dy] = moves[event.key];
      setPin((p) => ({ x: clamp((p?.x ?? 0.5) + dx), y: clamp((p?.y ?? 0.5) + dy), w: 0, h: 0 }));
    }
  }

  function seek(seconds: number) {
    const video = videoRef.current;
    if (!video) return;
    video.currentTime = seconds;
    video.focus();
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!comment) return;
    if (!body.trim()) return setError("Write a comment");
    const anchor: Anchor | null =
      kind === "image" && pin
        ? pin
        : kind === "video" && atTime
          ? { seconds: Math.round((videoRef.current?.currentTime ?? 0) * 10) / 10 }
          : null;
    startTransition(async () => {
      const result = await comment({
        ...commentContext,
        artifactId: artifact.id,
        body: body.trim(),
        anchor,
        internal: staff && internal,
      });
      if (!result.ok) return setError(result.error.fields?.body ?? result.error.message);
      setBody("");
      setPin(null);
      setAtTime(false);
      setInternal(false);
      setError(undefined);
      router.refresh();
    });
  }

  const overlay =
    kind === "image" ? (
      <>
        {anchored.map((c) => {
          const a = c.anchor as ImageAnchor;
          const n = comments.indexOf(c) + 1;
          const region = a.w > 0 && a.h > 0;
          return (
            <span key={c.id} aria-hidden>
              {region ? (
                <span
                  className="pointer-events-none absolute rounded-sm border-2 border-primary bg-primary/10 shadow"
                  style={{
                    left: `${a.x * 100}%`,
                    top: `${a.y * 100}%`,
                    width: `${a.w * 100}%`,
                    height: `${a.h * 100}%`,
                  }}
                />
              ) : null}
              <span
                className="pointer-events-none absolute flex size-6 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-white bg-primary text-xs font-semibold text-primary-foreground shadow"
                style={{ left: `${a.x * 100}%`, top: `${a.y * 100}%` }}
              >
                {n}
              </span>
            </span>
          );
        })}
        {pin ? (
          <span
            className="pointer-events-none absolute size-6 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-dashed border-white bg-destructive/70 shadow"
            style={{ left: `${pin.x * 100}%`, top: `${pin.y * 100}%` }}
            data-testid="pending-marker"
            aria-hidden
          />
        ) : null}
      </>
    ) : null;

  return (
    <div className="grid gap-4">
      {kind === "image" && comment ? (
        <div
          tabIndex={0}
          role="group"
          aria-label="Image: click a spot to anchor your comment there, or press Enter and move the marker with the arrow keys"
          onKeyDown={nudge}
          className={`rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring ${pin ? "" : "cursor-crosshair"}`}
        >
          <ArtifactMedia
            artifact={artifact}
            imageOverlay={overlay}
            onImageClick={place}
            className="[&_img]:cursor-crosshair"
          />
        </div>
      ) : (
        <ArtifactMedia ref={videoRef} artifact={artifact} imageOverlay={overlay} />
      )}
      {artifact.note ? (
        <p className="text-sm">
          <span className="font-medium">Note from the creator:</span> {artifact.note}
        </p>
      ) : null}

      <section aria-labelledby={`${fieldId}-heading`} className="grid gap-3">
        <h3 id={`${fieldId}-heading`} className="text-sm font-semibold">
          Comments on version {artifact.version}
        </h3>
        {comments.length === 0 ? (
          <p className="text-sm text-muted-foreground">No comments on this version yet.</p>
        ) : (
          <ol className="grid gap-2" aria-label={`Comments on version ${artifact.version}`}>
            {comments.map((c, i) => (
              <li
                key={c.id}
                className={`rounded-md border p-3 text-sm ${c.internal ? "border-dashed bg-muted/40" : ""}`}
              >
                <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  {isImageAnchor(c.anchor) ? (
                    <span
                      className="flex size-5 items-center justify-center rounded-full bg-primary text-[0.65rem] font-semibold text-primary-foreground"
                      aria-label={`Marker ${i + 1} at ${Math.round(c.anchor.x * 100)}%, ${Math.round(c.anchor.y * 100)}%`}
                    >
                      {i + 1}
                    </span>
                  ) : null}
                  <span className="font-medium text-foreground">{c.author.name}</span>
                  {c.author.isClient ? (
                    <Badge variant="secondary">Client</Badge>
                  ) : staff ? (
                    <Badge variant="outline">Agency</Badge>
                  ) : null}
                  {c.internal ? <Badge variant="warning">Internal — not shown to the client</Badge> : null}
                  {isTimeAnchor(c.anchor) ? (
                    kind === "video" ? (
                      <button
                        type="button"
                        className="font-medium text-primary underline"
                        onClick={() => seek((c.anchor as { seconds: number }).seconds)}
                      >
                        at {formatSeconds(c.anchor.seconds)}
                      </button>
                    ) : (
                      <span>at {formatSeconds(c.anchor.seconds)}</span>
                    )
                  ) : null}
                  <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                </div>
                <p className="whitespace-pre-wrap">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        {comment ? (
          <form
            method="post"
            onSubmit={submit}
            className="grid gap-2"
            aria-label={`Comment on version ${artifact.version}`}
          >
            <FormField id={fieldId} label="Add a comment" error={error}>
              <Textarea name="body" rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
            </FormField>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
              {kind === "image" ? (
                pin ? (
                  <span className="flex items-center gap-2">
                    Anchored at {Math.round(pin.x * 100)}%, {Math.round(pin.y * 100)}%
                    <Button type="button" size="sm" variant="ghost" onClick={() => setPin(null)}>
                      Remove marker
                    </Button>
                  </span>
                ) : (
                  <span className="text-muted-foreground">Click the image to anchor the comment to a spot.</span>
                )
              ) : null}
              {kind === "video" ? (
                <label className="flex items-center gap-2">
                  <input type="checkbox" name="atTime" checked={atTime} onChange={(e) => setAtTime(e.target.checked)} />
                  At the player&apos;s current time
                </label>
              ) : null}
              {staff ? (
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="internal"
                    checked={internal}
                    onChange={(e) => setInternal(e.target.checked)}
                  />
                  Internal (agency only)
                </label>
              ) : null}
              <Button type="submit" size="sm" variant="outline" className="ml-auto" disabled={pending}>
                {pending ? "Posting…" : "Post comment"}
              </Button>
            </div>
          </form>
        ) : null}
      </section>
    </div>
  );
}
