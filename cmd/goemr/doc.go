// Command goemr is the OpenEMR-compatible clinical API server. It is the only
// package that wires the others together.
//
//	goemr serve [--demo] [--listen ADDR] [--data-dir DIR] [--db DSN] …
//	goemr migrate
//	goemr demo [--patients N]
//	goemr user add|passwd|list|disable|enable
//	goemr client list|show|approve|enable|disable|delete
//	goemr config get|set
//	goemr key list|rotate
//	goemr audit [--event NAME] [--limit N]
package main
