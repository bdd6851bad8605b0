// Loaded into MapLibre's workers (importScriptInWorkers): they read a Blob URL (the survey
// preview, GeoJSON made in the survey worker) themselves. Without it MapLibre hands any URL
// that is not http(s) to the page, which then parses the whole file on the main thread.
const read = async (params, abort) => {
  const response = await fetch(params.url, { signal: abort.signal });
  if (!response.ok) throw new Error(`${response.status} ${params.url}`);
  return { data: params.type === 'json' ? await response.json() : await response.arrayBuffer() };
};
// MapLibre keys a protocol by what precedes "://": "blob:http" for "blob:http://host/uuid".
self.addProtocol('blob:http', read);
self.addProtocol('blob:https', read);
