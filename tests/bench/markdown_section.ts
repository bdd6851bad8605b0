/**
 * Replace the text between `<!-- name:start -->` and `<!-- name:end -->` in a
 * markdown document, or append the marked section when it is absent, so that
 * several benchmarks can share one BENCHMARKS.md.
 */
export function replaceSection(markdown: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = markdown.indexOf(start);
  const j = markdown.indexOf(end);
  if (i !== -1 && j > i) return markdown.slice(0, i) + block + markdown.slice(j + end.length);
  if (i !== -1 || j !== -1) throw new Error(`Expected both ${start} and ${end} in order, found only one of them`);
  const base = markdown.trim() === '' ? '# Benchmarks\n' : markdown.replace(/\s*$/, '\n');
  return `${base}\n${block}\n`;
}

/** A markdown table from a header row and body rows. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
