package demo

import "math/rand/v2"

// Names and places the generated patients are made of: common US given
// and family names, and real cities with their state, a ZIP code of the
// city and its area code. Phone numbers use 555-01xx, the range set aside
// for fiction, and e-mail addresses the reserved example.org domain.

var femaleNames = []string{
	"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
	"Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
	"Carol", "Amanda", "Dorothy", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia",
	"Olivia", "Emma", "Ava", "Sophia", "Isabella", "Mia", "Charlotte", "Amelia", "Harper", "Evelyn",
	"Maria", "Ana", "Rosa", "Lucia", "Mei", "Linh", "Aisha", "Fatima", "Grace", "Hannah",
}

var maleNames = []string{
	"James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Charles",
	"Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
	"Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan",
	"Liam", "Noah", "Oliver", "Elijah", "Lucas", "Mason", "Logan", "Ethan", "Jacob", "Benjamin",
	"Jose", "Luis", "Carlos", "Juan", "Wei", "Minh", "Omar", "Ahmed", "Samuel", "Isaac",
}

var familyNames = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
	"Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
	"Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams",
	"Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans",
	"Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson",
	"Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson",
}

var hispanicNames = []string{
	"Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres",
	"Flores", "Rivera", "Gomez", "Diaz", "Reyes", "Morales", "Cruz", "Ortiz", "Gutierrez", "Chavez",
}

var asianNames = []string{
	"Nguyen", "Chen", "Wang", "Li", "Zhang", "Liu", "Kim", "Park", "Tran", "Le",
	"Patel", "Shah", "Singh", "Tanaka", "Yamamoto", "Huang", "Wu", "Choi", "Pham", "Gupta",
}

var streets = []string{
	"Main Street", "Oak Street", "Maple Avenue", "Cedar Lane", "Elm Street", "Washington Street", "Park Avenue",
	"Lake Drive", "Hillside Road", "Pine Street", "Church Street", "Highland Avenue", "Sunset Boulevard",
	"Chestnut Street", "Walnut Street", "River Road", "Spring Street", "Franklin Avenue", "Lincoln Way",
	"Jefferson Street", "Meadow Lane", "Forest Avenue", "Prospect Street", "Union Street", "Willow Court",
	"Madison Avenue", "Summit Drive", "Orchard Road", "Birch Lane", "Harbor View Drive",
}

// city is a place a patient lives: state code, a ZIP code of the city and
// its telephone area code.
type city struct{ name, state, zip, area string }

var cities = []city{
	{"Boston", "MA", "02115", "617"}, {"Springfield", "MA", "01103", "413"}, {"Worcester", "MA", "01608", "508"},
	{"Providence", "RI", "02903", "401"}, {"Hartford", "CT", "06103", "860"}, {"Portland", "ME", "04101", "207"},
	{"Burlington", "VT", "05401", "802"}, {"Manchester", "NH", "03101", "603"}, {"Albany", "NY", "12207", "518"},
	{"Buffalo", "NY", "14202", "716"}, {"Rochester", "NY", "14604", "585"}, {"Newark", "NJ", "07102", "973"},
	{"Philadelphia", "PA", "19103", "215"}, {"Pittsburgh", "PA", "15222", "412"}, {"Baltimore", "MD", "21201", "410"},
	{"Richmond", "VA", "23219", "804"}, {"Raleigh", "NC", "27601", "919"}, {"Charlotte", "NC", "28202", "704"},
	{"Columbia", "SC", "29201", "803"}, {"Atlanta", "GA", "30303", "404"}, {"Jacksonville", "FL", "32202", "904"},
	{"Tampa", "FL", "33602", "813"}, {"Miami", "FL", "33130", "305"}, {"Birmingham", "AL", "35203", "205"},
	{"Nashville", "TN", "37203", "615"}, {"Louisville", "KY", "40202", "502"}, {"Columbus", "OH", "43215", "614"},
	{"Cleveland", "OH", "44113", "216"}, {"Indianapolis", "IN", "46204", "317"}, {"Detroit", "MI", "48226", "313"},
	{"Grand Rapids", "MI", "49503", "616"}, {"Chicago", "IL", "60601", "312"}, {"Milwaukee", "WI", "53202", "414"},
	{"Minneapolis", "MN", "55401", "612"}, {"Des Moines", "IA", "50309", "515"}, {"St. Louis", "MO", "63101", "314"},
	{"Kansas City", "MO", "64105", "816"}, {"Omaha", "NE", "68102", "402"}, {"Oklahoma City", "OK", "73102", "405"},
	{"Dallas", "TX", "75201", "214"}, {"Houston", "TX", "77002", "713"}, {"Austin", "TX", "78701", "512"},
	{"San Antonio", "TX", "78205", "210"}, {"Albuquerque", "NM", "87102", "505"}, {"Denver", "CO", "80202", "303"},
	{"Salt Lake City", "UT", "84101", "801"}, {"Phoenix", "AZ", "85004", "602"}, {"Tucson", "AZ", "85701", "520"},
	{"Las Vegas", "NV", "89101", "702"}, {"Boise", "ID", "83702", "208"}, {"Seattle", "WA", "98101", "206"},
	{"Spokane", "WA", "99201", "509"}, {"Portland", "OR", "97204", "503"}, {"Sacramento", "CA", "95814", "916"},
	{"San Francisco", "CA", "94103", "415"}, {"San Jose", "CA", "95113", "408"}, {"Los Angeles", "CA", "90012", "213"},
	{"San Diego", "CA", "92101", "619"}, {"Honolulu", "HI", "96813", "808"}, {"Anchorage", "AK", "99501", "907"},
}

// employers are where working-age adults work (fictional companies).
var employers = []string{
	"Northwind Logistics", "Bluebird Software", "Harborview School District", "Pioneer Hardware Supply",
	"Granite State Bank", "Riverbend Construction", "Sunrise Senior Living", "Maple Leaf Catering",
	"Atlas Manufacturing", "Cityline Transit Authority", "Greenfield Grocers", "Summit Insurance Agency",
}

// Most people do not share one of a hundred surnames: half the generated
// patients get one of 1,800 rarer English-style names (root + ending), so
// a search by last name finds a realistic handful, not a tenth of the
// practice.
var (
	nameRoots = []string{
		"Ash", "Brad", "Craw", "Dal", "Fair", "Gold", "Hart", "Kings", "Lang", "Mar",
		"North", "Pem", "Ran", "Stan", "Thorn", "Wes", "Whit", "Yar", "Ald", "Bex",
		"Cal", "Dun", "Elm", "Fen", "Gar", "Hal", "Ink", "Kel", "Lind", "Mid",
		"Nor", "Ock", "Pres", "Rad", "Sef", "Tal", "Ux", "Ver", "Wick", "Bram",
		"Carl", "Dray", "Ever", "Frost", "Glen", "Hol", "Kent", "Lock", "Oak", "Red",
	}
	nameEndings = []string{
		"ford", "ley", "ton", "well", "wood", "by", "field", "more", "worth", "son",
		"ridge", "hurst", "stead", "bury", "wick", "combe", "land", "ham", "dale", "brook",
		"croft", "gate", "holm", "mere", "shaw", "thwaite", "cott", "den", "lowe", "sey",
		"ington", "wyn", "ney", "leigh", "stone", "ard",
	}
)

// rareFamilyName builds one of the rarer surnames.
func rareFamilyName(r *rand.Rand) string {
	return pick(r, nameRoots) + pick(r, nameEndings)
}
