import { parseMarkdown, type Inline } from "@/lib/markdown";
import { cn } from "@/lib/utils";

// Renders a brief from the tree of lib/markdown.ts: React elements only, never HTML from the text.

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((node, i) => {
        if (node.type === "text") return <span key={i}>{node.text}</span>;
        if (node.type === "code")
          return (
            <code key={i} className="rounded bg-muted px-1 font-mono text-[0.9em]">
              {node.text}
            </code>
          );
        if (node.type === "strong")
          return (
            <strong key={i}>
              <InlineNodes nodes={node.children} />
            </strong>
          );
        if (node.type === "em")
          return (
            <em key={i}>
              <InlineNodes nodes={node.children} />
            </em>
          );
        return (
          <a
            key={i}
            href={node.href}
            rel="noopener noreferrer nofollow"
            target="_blank"
            className="text-primary underline"
          >
            <InlineNodes nodes={node.children} />
          </a>
        );
      })}
    </>
  );
}

const HEADING = ["text-xl", "text-lg", "text-base", "text-sm", "text-sm", "text-sm"];

export function Markdown({ source, className }: { source: string; className?: string }) {
  const blocks = parseMarkdown(source);
  return (
    <div className={cn("grid gap-3 text-sm leading-relaxed break-words", className)}>
      {blocks.map((block, i) => {
        if (block.type === "heading") {
          const Tag = `h${Math.min(6, block.level + 2)}` as "h3";
          return (
            <Tag key={i} className={cn("font-semibold", HEADING[block.level - 1])}>
              <InlineNodes nodes={block.children} />
            </Tag>
          );
        }
        if (block.type === "list") {
          const List = block.ordered ? "ol" : "ul";
          return (
            <List key={i} className={cn("grid gap-1 pl-5", block.ordered ? "list-decimal" : "list-disc")}>
              {block.items.map((item, j) => (
                <li key={j}>
                  <InlineNodes nodes={item} />
                </li>
              ))}
            </List>
          );
        }
        return (
          <p key={i}>
            <InlineNodes nodes={block.children} />
          </p>
        );
      })}
    </div>
  );
}
