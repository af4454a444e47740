import { Fragment } from "react";

// http(s) URLs up to whitespace or an angle bracket; trailing punctuation is left outside the link.
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Plain text with every http(s) URL turned into a link, so a person can follow it from the outbox. */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) => {
        if (index % 2 === 0) return <Fragment key={index}>{part}</Fragment>;
        const trailing = part.match(TRAILING)?.[0] ?? "";
        const url = trailing ? part.slice(0, -trailing.length) : part;
        return (
          <Fragment key={index}>
            <a
              href={url}
              className="break-all text-primary underline underline-offset-4 hover:no-underline"
              rel="noreferrer"
            >
              {url}
            </a>
            {trailing}
          </Fragment>
        );
      })}
    </>
  );
}
