// Types of scripts/tw-merge-groups.mjs (for tests/unit/tw-merge-config.test.ts).
export declare function classTokensInSources(root: string): Set<string>;
export declare function classGroupsInSources(root: string): Set<string>;
