import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { root } from './paths.ts';

/** Rhythm's custom search attributes, from the built domain lib (one source of truth). */
export async function rhythmSearchAttributes(): Promise<Record<string, string>> {
  const domain = pathToFileURL(path.join(root, 'libs/domain/dist/index.js')).href;
  const { rhythmSearchAttributeTypes } = (await import(domain)) as {
    rhythmSearchAttributeTypes: Record<string, string>;
  };
  return rhythmSearchAttributeTypes;
}
