// The Tailwind classes written in the app's sources and tailwind-merge's class groups they belong to (for
// scripts/gen-tw-merge-config.mjs and tests/unit/tw-merge-config.test.ts).
import fs from "node:fs";
import path from "node:path";
import { createTailwindMerge, getDefaultConfig, twMerge } from "tailwind-merge";

const SOURCE_DIRS = ["app", "components", "lib"];

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : walk(full);
    return /\.(ts|tsx)$/.test(entry.name) && entry.name !== "tw-merge-config.ts" ? [full] : [];
  });
}

/** Every whitespace-separated word inside a string or template literal of the sources (a superset of the classes). */
export function classTokensInSources(root) {
  const tokens = new Set();
  for (const file of SOURCE_DIRS.flatMap((dir) => walk(path.join(root, dir)))) {
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`]*)`/g)) {
      const text = match[1] ?? match[2] ?? match[3] ?? "";
      for (const word of text.split(/\s+/)) if (/^[!\-a-z0-9[@*]/.test(word) && word.length < 120) tokens.add(word);
    }
  }
  return tokens;
}

/**
 * The class groups of tailwind-merge's default configuration that the sources' classes belong to. Through the public
 * API only: a class is known when twMerge folds "c c" into "c", and it belongs to group G when a merger knowing only
 * G does so too.
 */
export function classGroupsInSources(root) {
  const config = getDefaultConfig();
  const known = [...classTokensInSources(root)].filter((token) => twMerge(`${token} ${token}`) === token);
  const groups = new Set();
  for (const [group, definition] of Object.entries(config.classGroups)) {
    const only = createTailwindMerge(() => ({
      ...config,
      classGroups: { [group]: definition },
      conflictingClassGroups: {},
      conflictingClassGroupModifiers: {},
    }));
    if (known.some((token) => only(`${token} ${token}`) === token)) groups.add(group);
  }
  return groups;
}
