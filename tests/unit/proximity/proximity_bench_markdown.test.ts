import { describe, expect, it } from 'vitest';
import { markdownTable, replaceSection } from '../../bench/markdown_section';

describe('replaceSection (BENCHMARKS.md)', () => {
  it('creates the document with a title when empty', () => {
    expect(replaceSection('', 'proximity', '## P\nx')).toBe('# Benchmarks\n\n<!-- proximity:start -->\n## P\nx\n<!-- proximity:end -->\n');
  });

  it('replaces only its own section and keeps the others', () => {
    const doc = '# Benchmarks\n\n<!-- browser:start -->\nB\n<!-- browser:end -->\n\n<!-- proximity:start -->\nold\n<!-- proximity:end -->\n\n## Bundle\nS\n';
    expect(replaceSection(doc, 'proximity', 'new')).toBe(doc.replace('old', 'new'));
  });

  it('appends its section after existing content', () => {
    expect(replaceSection('# Benchmarks\n\n## Bundle\nS\n', 'proximity', 'P')).toBe('# Benchmarks\n\n## Bundle\nS\n\n<!-- proximity:start -->\nP\n<!-- proximity:end -->\n');
  });

  it('refuses a half-marked section rather than guess', () => {
    expect(() => replaceSection('<!-- proximity:start -->\nx', 'proximity', 'P')).toThrow('Expected both <!-- proximity:start --> and <!-- proximity:end --> in order, found only one of them');
  });

  it('renders a table', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
