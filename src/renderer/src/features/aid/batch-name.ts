/**
 * The default name of a new batch. Lists show batches by name only, so a program's second batch on the same day
 * must not repeat the first one's name: it says which batch of the program it is, counting those it already has,
 * and skips on past any name already taken (a clerk may have typed 第2批 by hand).
 */
export function defaultBatchName(programName: string, date: string, existingNames: readonly string[]): string {
  const taken = new Set(existingNames.map((n) => n.trim()));
  const base = `${programName}（${date}）`;
  if (existingNames.length === 0 && !taken.has(base)) return base;
  for (let n = Math.max(2, existingNames.length + 1); ; n++) {
    const candidate = `${base}（第${n}批）`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Whether a typed name is already a batch of the program (compared as the core stores it: trimmed). */
export function batchNameTaken(name: string, existingNames: readonly string[]): boolean {
  const wanted = name.trim();
  return wanted.length > 0 && existingNames.some((n) => n.trim() === wanted);
}
