package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestMediaToFHIR(t *testing.T) {
	c := careContext()
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"ECG strip of a visit", emr.Record{"uuid": "d1", "foreign_id": "1", "encounter_id": "40", "mimetype": "image/png",
			"name": "ecg.png", "size": "1400", "date": "2024-03-01 10:40:00", "docdate": "2024-03-01",
			"notes": "Rhythm strip, lead II: sinus rhythm, rate 72/min."},
			[]string{`"resourceType":"Media"`, `"id":"d1"`, `"lastUpdated":"2024-03-01T10:40:00Z"`, `"status":"completed"`,
				`"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/media-type","code":"image","display":"Image"}]`,
				`"subject":{"reference":"Patient/pat-uuid"}`, `"encounter":{"reference":"Encounter/enc-uuid"}`,
				`"createdDateTime":"2024-03-01"`, `"issued":"2024-03-01T10:40:00Z"`,
				`"content":{"contentType":"image/png","url":"https://h/apis/default/fhir/Binary/d1","size":1400,"title":"ecg.png","creation":"2024-03-01"}`,
				`"note":[{"text":"Rhythm strip, lead II: sinus rhythm, rate 72/min."}]`},
			[]string{"profile", "hash"}},
		{"video without content date or note", emr.Record{"uuid": "d2", "foreign_id": "1", "mimetype": "video/mp4", "date": "2024-05-06 07:08:09", "size": "0"},
			[]string{`"code":"video"`, `"createdDateTime":"2024-05-06T07:08:09Z"`},
			[]string{"encounter", "note", "size", "creation"}},
		{"DICOM is an image", emr.Record{"uuid": "d3", "foreign_id": "9", "mimetype": "application/dicom"},
			[]string{`"code":"image"`, `"contentType":"application/dicom"`},
			[]string{"subject", "createdDateTime"}},
	} {
		checkFragments(t, tc.name, mediaToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
