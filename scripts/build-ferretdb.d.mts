export const FERRETDB_VERSION: string;
export const ferretdbBinary: string;
export function hasGo(): boolean;
export function buildFerretdb(options?: { quiet?: boolean }): string | null;
