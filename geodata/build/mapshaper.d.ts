/** The part of mapshaper's Node API the build uses (the package ships no typings). */
declare module 'mapshaper' {
  const mapshaper: {
    /** Runs a command line on in-memory files; resolves to the output files by name. */
    applyCommands(commands: string, input?: Record<string, unknown>): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
