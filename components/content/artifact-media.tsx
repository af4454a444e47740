"use client";

import { forwardRef } from "react";
import { cn } from "@/lib/utils";
import { fileUrl, formatBytes, mediaKind, type ArtifactView } from "./types";

/** The artifact itself: image, video with the browser's player, PDF, text, or a download link. */
export const ArtifactMedia = forwardRef<
  HTMLVideoElement,
  {
    artifact: ArtifactView;
    className?: string;
    imageOverlay?: React.ReactNode;
    onImageClick?: (event: React.MouseEvent<HTMLImageElement>) => void;
  }
>(function ArtifactMedia({ artifact, className, imageOverlay, onImageClick }, videoRef) {
  const kind = mediaKind(artifact);
  const label = `${artifact.fileName ?? "Text"} (version ${artifact.version})`;
  return (
    <div className={cn("grid gap-3", className)}>
      {kind === "image" ? (
        <div className="relative mx-auto w-fit max-w-full">
          {/* eslint-disable-next-line @next/next/no-img-element -- authorized file route, not a static asset */}
          <img
            src={fileUrl(artifact.id)}
            alt={label}
            className="block max-h-[70vh] max-w-full rounded-md border"
            onClick={onImageClick}
            draggable={false}
          />
          {imageOverlay}
        </div>
      ) : kind === "video" ? (
        <video
          ref={videoRef}
          src={fileUrl(artifact.id)}
          controls
          preload="metadata"
          className="max-h-[70vh] w-full rounded-md border bg-black"
          aria-label={label}
        />
      ) : kind === "pdf" ? (
        <object
          data={fileUrl(artifact.id)}
          type="application/pdf"
          className="h-[70vh] w-full rounded-md border"
          aria-label={label}
        >
          <a href={fileUrl(artifact.id)} className="text-primary underline">
            Download {artifact.fileName}
          </a>
        </object>
      ) : kind === "file" ? (
        <p className="text-sm">
          <a href={fileUrl(artifact.id)} className="text-primary underline" download={artifact.fileName ?? undefined}>
            Download {artifact.fileName}
          </a>{" "}
          <span className="text-muted-foreground">{formatBytes(artifact.sizeBytes)}</span>
        </p>
      ) : null}
      {artifact.text ? (
        <div
          className="max-h-[60vh] overflow-auto whitespace-pre-wrap rounded-md border bg-muted/30 p-3 text-sm"
          aria-label={`Text of version ${artifact.version}`}
        >
          {artifact.text}
        </div>
      ) : null}
      {kind !== "none" && kind !== "text" && kind !== "file" ? (
        <p className="text-xs text-muted-foreground">
          <a href={fileUrl(artifact.id)} className="underline" download={artifact.fileName ?? undefined}>
            Download {artifact.fileName}
          </a>{" "}
          {formatBytes(artifact.sizeBytes)}
        </p>
      ) : null}
      {kind === "none" && !artifact.text ? (
        <p className="text-sm text-muted-foreground">This version has no file or text.</p>
      ) : null}
    </div>
  );
});
