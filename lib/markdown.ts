// A tiny markdown reader for briefs: headings, paragraphs, bullet and numbered lists, bold, italic, inline
// code and links. It returns a tree that components render as React elements, so no HTML from the text ever
// reaches the page (raw HTML shows as text), and links keep only http(s) and mailto addresses.

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = "";
  const flush = () => {
    if (buffer) out.push({ type: "text", text: buffer });
    buffer = "";
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const code = /^`([^`]+)`/.exec(rest);
    const strong = /^(\*\*|__)(.+?)\1/.exec(rest);
    const em = /^(\*|_)([^*_]+?)\1/.exec(rest);
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (code) {
      flush();
      out.push({ type: "code", text: code[1] });
      i += code[0].length;
    } else if (strong) {
      flush();
      out.push({ type: "strong", children: parseInline(strong[2]) });
      i += strong[0].length;
    } else if (em) {
      flush();
      out.push({ type: "em", children: parseInline(em[2]) });
      i += em[0].length;
    } else if (link) {
      flush();
      if (SAFE_URL.test(link[2])) out.push({ type: "link", href: link[2], children: parseInline(link[1]) });
      else out.push({ type: "text", text: link[1] });
      i += link[0].length;
    } else {
      buffer += text[i];
      i += 1;
    }
  }
  flush();
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const state: { list: { ordered: boolean; items: string[] } | null } = { list: null };
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", children: parseInline(paragraph.join(" ")) });
    paragraph = [];
  };
  const flushList = () => {
    if (state.list)
      blocks.push({ type: "list", ordered: state.list.ordered, items: state.list.items.map(parseInline) });
    state.list = null;
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (!line.trim()) {
      flushParagraph();
      flushList();
    } else if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ type: "heading", level: heading[1].length as 1, children: parseInline(heading[2]) });
    } else if (bullet || numbered) {
      flushParagraph();
      const ordered = Boolean(numbered && !bullet);
      if (state.list && state.list.ordered !== ordered) flushList();
      state.list ??= { ordered, items: [] };
      state.list.items.push((bullet ?? numbered)![1]);
    } else if (state.list && /^\s{2,}\S/.test(raw)) {
      state.list.items[state.list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}
