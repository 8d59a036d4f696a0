// Reads C-CDA documents back into FHIR with an independent parser,
// Medplum's @medplum/ccda: the check that goemr's CCDs can be read by
// others. Run as
//
//	node ccda.mjs file.xml…
//
// Each file gets one stdout line: {"file", "sections": {LOINC code:
// {"entries": [resourceType…], "members": n}}}, where entries are the FHIR
// resources Medplum made of the section's entries and members the
// Observations its organizers (results, vital signs panels) hold.
// Sections Medplum does not read come out with no entries. A document it
// cannot read fails the run.
import { readFileSync } from 'node:fs';
import { convertCcdaToFhir, convertXmlToCcda } from '@medplum/ccda';

for (const file of process.argv.slice(2)) {
  const bundle = convertCcdaToFhir(convertXmlToCcda(readFileSync(file, 'utf8')));
  const byRef = new Map();
  for (const { resource } of bundle.entry) {
    byRef.set(`${resource.resourceType}/${resource.id}`, resource);
  }
  const composition = bundle.entry[0].resource;
  if (composition.resourceType !== 'Composition') {
    throw new Error(`${file}: no Composition`);
  }
  const sections = {};
  for (const section of composition.section ?? []) {
    const code = section.code?.coding?.[0]?.code ?? '?';
    const out = { entries: [], members: 0 };
    for (const ref of section.entry ?? []) {
      const res = byRef.get(ref.reference);
      if (!res) {
        throw new Error(`${file}: section ${code} refers to ${ref.reference}, which the Bundle lacks`);
      }
      out.entries.push(res.resourceType);
      out.members += res.hasMember?.length ?? 0;
    }
    sections[code] = out;
  }
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')?.resource;
  process.stdout.write(JSON.stringify({ file, patient: patient?.id, sections }) + '\n');
}
