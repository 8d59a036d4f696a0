package fhirmap

import (
	"encoding/json"
	"strings"
	"time"
)

// UDI issuing agencies (R4 Device.udiCarrier.issuer) and the US
// jurisdiction (Device.udiCarrier.jurisdiction: FDA's UDI system).
var udiIssuers = map[string]string{
	"GS1":    "http://hl7.org/fhir/NamingSystem/gs1-di",
	"HIBCC":  "http://hl7.org/fhir/NamingSystem/hibcc-dI",
	"ICCBBA": "http://hl7.org/fhir/NamingSystem/iccbba-other-di",
}

const udiJurisdictionFDA = "http://hl7.org/fhir/NamingSystem/fda-udi"

// udi is what a device's UDI says: its device identifier and production
// identifiers, and what FDA's GUDID knows of the device.
type udi struct {
	hrf, agency, di, lot, serial, donationID string
	manufactured, expires                    *string
	company, brand, model                    string
}

// udiData is lists.udi_data: OpenEMR stores there what FDA's AccessGUDID
// parse_udi service returned for the UDI ("standard_elements") and, when
// it looked the device up, the GUDID record ("gudid").
type udiData struct {
	Standard struct {
		IssuingAgency     string `json:"issuingAgency"`
		DI                string `json:"di"`
		ManufacturingDate string `json:"manufacturingDate"`
		ExpirationDate    string `json:"expirationDate"`
		LotNumber         string `json:"lotNumber"`
		SerialNumber      string `json:"serialNumber"`
		DonationID        string `json:"donationId"`
	} `json:"standard_elements"`
	GUDID struct {
		Device struct {
			BrandName          string `json:"brandName"`
			CompanyName        string `json:"companyName"`
			VersionModelNumber string `json:"versionModelNumber"`
		} `json:"device"`
	} `json:"gudid"`
}

// readUDI reads a device's UDI from udi_data, filling what it lacks from
// the human-readable UDI itself when that is a GS1 one (the only issuer
// whose application identifiers are self-describing).
func readUDI(hrf, data string) udi {
	u := udi{hrf: strings.TrimSpace(hrf)}
	var d udiData
	if json.Unmarshal([]byte(data), &d) == nil {
		s := d.Standard
		u.agency, u.di, u.lot, u.serial, u.donationID = strings.ToUpper(s.IssuingAgency), s.DI, s.LotNumber, s.SerialNumber, s.DonationID
		u.manufactured, u.expires = udiDate(s.ManufacturingDate), udiDate(s.ExpirationDate)
		dev := d.GUDID.Device
		u.company, u.brand, u.model = dev.CompanyName, dev.BrandName, dev.VersionModelNumber
	}
	if u.agency == "" {
		switch {
		case strings.HasPrefix(u.hrf, "(01)"):
			u.agency = "GS1"
		case strings.HasPrefix(u.hrf, "+"):
			u.agency = "HIBCC"
		case strings.HasPrefix(u.hrf, "="):
			u.agency = "ICCBBA"
		}
	}
	if u.agency == "GS1" {
		ai := gs1Elements(u.hrf)
		u.di = udiValue(u.di, ai["01"])
		u.lot = udiValue(u.lot, ai["10"])
		u.serial = udiValue(u.serial, ai["21"])
		if u.manufactured == nil {
			u.manufactured = udiDate(ai["11"])
		}
		if u.expires == nil {
			u.expires = udiDate(ai["17"])
		}
	}
	return u
}

// gs1Elements splits a GS1 human-readable UDI, "(01)…(17)…(10)…", into
// its application identifiers and values.
func gs1Elements(hrf string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(hrf, "(")[1:] {
		if ai, v, ok := strings.Cut(part, ")"); ok {
			out[ai] = strings.TrimSpace(v)
		}
	}
	return out
}

// udiDate is a UDI date as a FHIR date: AccessGUDID's Y-m-d, or GS1's
// YYMMDD, whose day 00 means the last day of the month (GS1 General
// Specifications §3.4.2).
func udiDate(s string) *string {
	s = strings.TrimSpace(s)
	if d := date(s); d != nil {
		return d
	}
	if len(s) != 6 {
		return nil
	}
	t, err := time.Parse("060102", s)
	if err != nil && strings.HasSuffix(s, "00") {
		if t, err = time.Parse("0601", s[:4]); err == nil {
			t = t.AddDate(0, 1, -1)
		}
	}
	if err != nil {
		return nil
	}
	return ptr(t.Format("2006-01-02"))
}

func udiValue(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
