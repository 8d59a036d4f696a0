package demo

import "goemr/internal/emr"

// Patients is the demo population; the first is Phil Belford, whom the
// Phil1 portal login belongs to (as in OpenEMR's demo). Seed fills in PID
// and UUID.
var Patients = []emr.Patient{
	{PubPID: "1", Fname: "Phil", Lname: "Belford", DOB: "1972-02-09", Sex: "Male", Email: PortalEmail, Street: "4301 Cedar Street", City: "Springfield", State: "MA", PostalCode: "01103", PhoneHome: "413-555-0101"},
	{PubPID: "2", Fname: "Susan", Lname: "Underwood", DOB: "1967-02-08", Sex: "Female", Email: "susan.underwood@example.org", Street: "18 Maple Avenue", City: "Boston", State: "MA", PostalCode: "02115", PhoneHome: "617-555-0102"},
	{PubPID: "3", Fname: "Wallace", Lname: "Buckley", DOB: "1988-11-30", Sex: "Male", Email: "wallace.buckley@example.org", Street: "77 Harbor Road", City: "Salem", State: "MA", PostalCode: "01970", PhoneHome: "978-555-0103"},
	{PubPID: "4", Fname: "Eduardo", Lname: "Perez", DOB: "1955-06-14", Sex: "Male", Email: "eduardo.perez@example.org", Street: "902 Mission Street", City: "Worcester", State: "MA", PostalCode: "01608", PhoneHome: "508-555-0104"},
	{PubPID: "5", Fname: "Brent", Lname: "Perez", DOB: "1991-03-22", Sex: "Male", Email: "brent.perez@example.org", Street: "902 Mission Street", City: "Worcester", State: "MA", PostalCode: "01608", PhoneHome: "508-555-0105"},
	{PubPID: "6", Fname: "Nora", Lname: "Cohen", DOB: "1979-09-05", Sex: "Female", Email: "nora.cohen@example.org", Street: "5 Elm Court", City: "Cambridge", State: "MA", PostalCode: "02139", PhoneHome: "617-555-0106"},
	{PubPID: "7", Fname: "Jillian", Lname: "Mahoney", DOB: "2001-12-17", Sex: "Female", Email: "jillian.mahoney@example.org", Street: "340 Beacon Street", City: "Boston", State: "MA", PostalCode: "02116", PhoneHome: "617-555-0107"},
	{PubPID: "8", Fname: "Robert", Lname: "Dickey", DOB: "1948-04-01", Sex: "Male", Email: "robert.dickey@example.org", Street: "61 Orchard Lane", City: "Amherst", State: "MA", PostalCode: "01002", PhoneHome: "413-555-0108"},
	{PubPID: "9", Fname: "Amina", Lname: "Okafor", DOB: "1985-07-19", Sex: "Female", Email: "amina.okafor@example.org", Street: "12 River Street", City: "Lowell", State: "MA", PostalCode: "01852", PhoneHome: "978-555-0109"},
	{PubPID: "10", Fname: "Kenji", Lname: "Tanaka", DOB: "1963-10-27", Sex: "Male", Email: "kenji.tanaka@example.org", Street: "220 Pine Hill", City: "Newton", State: "MA", PostalCode: "02458", PhoneHome: "617-555-0110"},
	{PubPID: "11", Fname: "Maria", Lname: "Gonzalez", DOB: "1994-01-11", Sex: "Female", Email: "maria.gonzalez@example.org", Street: "49 Summer Street", City: "Lawrence", State: "MA", PostalCode: "01840", PhoneHome: "978-555-0111"},
	{PubPID: "12", Fname: "Thomas", Lname: "Whitfield", DOB: "1939-08-03", Sex: "Male", Email: "thomas.whitfield@example.org", Street: "3 Church Green", City: "Plymouth", State: "MA", PostalCode: "02360", PhoneHome: "508-555-0112"},
	{PubPID: "13", Fname: "Priya", Lname: "Raman", DOB: "1982-05-25", Sex: "Female", Email: "priya.raman@example.org", Street: "88 Lexington Road", City: "Concord", State: "MA", PostalCode: "01742", PhoneHome: "978-555-0113"},
	{PubPID: "14", Fname: "Samuel", Lname: "Osei", DOB: "2010-02-14", Sex: "Male", Email: "samuel.osei@example.org", Street: "15 Garden Terrace", City: "Quincy", State: "MA", PostalCode: "02169", PhoneHome: "617-555-0114"},
	{PubPID: "15", Fname: "Grace", Lname: "Lindqvist", DOB: "1970-11-08", Sex: "Female", Email: "grace.lindqvist@example.org", Street: "701 Ocean Drive", City: "Gloucester", State: "MA", PostalCode: "01930", PhoneHome: "978-555-0115"},
	{PubPID: "16", Fname: "Hassan", Lname: "Karimi", DOB: "1958-03-30", Sex: "Male", Email: "hassan.karimi@example.org", Street: "26 Mill Pond Road", City: "Framingham", State: "MA", PostalCode: "01701", PhoneHome: "508-555-0116"},
	{PubPID: "17", Fname: "Lucy", Lname: "Fairbanks", DOB: "2019-06-02", Sex: "Female", Email: "lucy.fairbanks@example.org", Street: "9 Birch Way", City: "Brookline", State: "MA", PostalCode: "02445", PhoneHome: "617-555-0117"},
	{PubPID: "18", Fname: "Dmitri", Lname: "Volkov", DOB: "1976-12-12", Sex: "Male", Email: "dmitri.volkov@example.org", Street: "144 Canal Street", City: "Fall River", State: "MA", PostalCode: "02720", PhoneHome: "508-555-0118"},
	{PubPID: "19", Fname: "Ruth", Lname: "Abernathy", DOB: "1944-09-21", Sex: "Female", Email: "ruth.abernathy@example.org", Street: "2 Meetinghouse Hill", City: "Lexington", State: "MA", PostalCode: "02420", PhoneHome: "781-555-0119"},
	{PubPID: "20", Fname: "Marcus", Lname: "Bell", DOB: "1999-04-16", Sex: "Male", Email: "marcus.bell@example.org", Street: "530 Washington Street", City: "Dorchester", State: "MA", PostalCode: "02124", PhoneHome: "617-555-0120"},
	{PubPID: "21", Fname: "Yuki", Lname: "Nakamura", DOB: "1987-08-29", Sex: "Female", Email: "yuki.nakamura@example.org", Street: "67 Chestnut Street", City: "Waltham", State: "MA", PostalCode: "02453", PhoneHome: "781-555-0121"},
	{PubPID: "22", Fname: "Omar", Lname: "Haddad", DOB: "1961-01-05", Sex: "Male", Email: "omar.haddad@example.org", Street: "410 Boylston Street", City: "Boston", State: "MA", PostalCode: "02116", PhoneHome: "617-555-0122"},
}
