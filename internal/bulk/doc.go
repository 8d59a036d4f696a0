// Package bulk runs FHIR Bulk Data exports (Bulk Data Access 2.0,
// https://hl7.org/fhir/uv/bulkdata/export.html) in the background.
//
// A kick-off request becomes a row in export_jobs (emr.ExportJobs) and
// returns at once; a bounded pool of workers in every goemr process claims
// queued jobs with a lease, streams the data through a Source (the FHIR
// server, which knows what each type holds) into NDJSON files, split at a
// configured number of lines, and records the manifest's output. A process
// that dies leaves its lease to lapse and the job runs again from the
// start, in whichever process claims it first; the lease is renewed while
// the job runs, and a renewal that fails (the job was cancelled or taken
// over) stops the run. A janitor deletes the files of cancelled jobs and
// of jobs past their expiry, then their rows.
//
// Files live under the data folder (Options.Dir/<job id>/). Processes that
// serve one PostgreSQL database must share that folder (a network file
// system) for any of them to answer a download: DESIGN.md's "storage all
// nodes share".
//
// bulk knows nothing of HTTP or of FHIR resources: the fhir package parses
// kick-off requests, writes the status and manifest responses and serves
// the files it finds here.
package bulk
