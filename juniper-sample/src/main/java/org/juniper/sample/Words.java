package org.juniper.sample;

/** Word lists that make the sample read like a real customer's data. */
final class Words {
    private Words() {
    }

    static final String[] FIRST_NAMES = {"Emma", "Lucas", "Olivia", "Noah", "Louise", "Liam", "Mila", "Arthur",
        "Alice", "Jules", "Chloé", "Louis", "Sofia", "Hugo", "Lena", "Adam", "Julia", "Gabriel", "Marie", "Léo",
        "Anna", "Nathan", "Clara", "Victor", "Laura", "Maxime", "Sarah", "Thomas", "Eva", "Paul", "Lea", "Jonas",
        "Hannah", "Finn", "Lucía", "Mateo", "Martina", "Pablo", "Sanne", "Daan", "Fleur", "Bram", "James", "Grace",
        "Oliver", "Amelia", "Jack", "Isla", "Ethan", "Ava", "Priya", "Arjun", "Aisha", "Omar", "Yuki", "Mei",
        "Kevin", "Nina", "Tom", "Elise"};
    static final String[] LAST_NAMES = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
        "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martin", "Bernard", "Thomas", "Robert",
        "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia",
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "de Jong",
        "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smith", "Jones", "Taylor", "Brown", "Williams",
        "Wilson", "Johnson", "Davies", "Evans", "Patel", "Sharma", "Rossi", "Russo", "Ferrari", "Esposito",
        "Bianchi", "Romano", "Colombo", "Ricci", "O'Brien", "Kowalski", "Nowak", "Novak", "Horvat"};
    static final String[] COMPANY_PREFIXES = {"Alpha", "Nordic", "Blue Harbor", "Green Valley", "Summit", "Atlas",
        "Pioneer", "Vertex", "Cedar", "Golden Gate", "Silverline", "Redwood", "Northwind", "Bright", "Crescent",
        "Delta", "Evergreen", "Falcon", "Granite", "Horizon", "Ironwood", "Juniper Hill", "Keystone", "Lakeside",
        "Meridian", "Oakmont", "Polaris", "Quartz", "Riverside", "Sterling", "Tidewater", "Unity", "Vanguard",
        "Westfield", "Zenith", "Deco", "Azure", "Gemini", "Ready Mat", "Wood Corner"};
    static final String[] COMPANY_TRADES = {"Logistics", "Furniture", "Trading", "Systems", "Foods",
        "Construction", "Textiles", "Electronics", "Consulting", "Interiors", "Office Supplies", "Hospitality",
        "Retail", "Engineering", "Packaging", "Distribution", "Design", "Motors", "Pharma", "Energy"};
    static final String[] STREETS = {"Main", "Church", "Station", "Market", "Park", "Mill", "Oak", "Lake", "Hill",
        "River", "Garden", "Bridge", "Castle", "Meadow", "Harbour", "Forest", "Victoria", "King", "Queen", "Spring"};
    static final String[] FUNCTIONS = {"Purchasing Manager", "Accountant", "CEO", "Sales Director",
        "Office Manager", "Logistics Coordinator", "Buyer", "CFO", "Store Manager", "Consultant", null, null};
    static final String[] PARTNER_CATEGORIES = {"Vendor", "Prospect", "VIP", "Reseller", "Wholesale",
        "Retail", "Government", "Partner", "Consulting Services", "Manufacturer", "Services", "Premium"};

    /** Countries of the standard data (res_country ids 1..12) with weights, cities and postcode shapes. */
    record Country(int id, String code, String phonePrefix, String lang, int weight, String[] cities,
            String zipDigits) {
    }

    static final Country[] COUNTRIES = {
        new Country(1, "US", "+1", "en_US", 10, new String[] {"New York", "Chicago", "Austin", "Seattle"}, "5"),
        new Country(2, "BE", "+32", "fr_FR", 25, new String[] {"Brussels", "Antwerp", "Ghent", "Liège", "Namur",
            "Leuven", "Wavre"}, "4"),
        new Country(3, "FR", "+33", "fr_FR", 20, new String[] {"Paris", "Lyon", "Lille", "Nantes", "Toulouse"}, "5"),
        new Country(4, "DE", "+49", "de_DE", 15, new String[] {"Berlin", "Hamburg", "München", "Köln"}, "5"),
        new Country(5, "ES", "+34", "es_ES", 8, new String[] {"Madrid", "Barcelona", "Valencia", "Sevilla"}, "5"),
        new Country(6, "NL", "+31", "nl_NL", 10, new String[] {"Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"},
            "4"),
        new Country(7, "GB", "+44", "en_US", 5, new String[] {"London", "Manchester", "Bristol", "Leeds"}, "4"),
        new Country(8, "IT", "+39", "en_US", 3, new String[] {"Milano", "Roma", "Torino"}, "5"),
        new Country(9, "CH", "+41", "de_DE", 2, new String[] {"Zürich", "Genève", "Basel"}, "4"),
        new Country(10, "LU", "+352", "fr_FR", 2, new String[] {"Luxembourg", "Esch-sur-Alzette"}, "4"),
    };

    static final String[] LEGAL_SUFFIX_BY_COUNTRY = {"Inc.", "SA", "SAS", "GmbH", "S.L.", "BV", "Ltd", "S.r.l.",
        "AG", "S.à r.l."};

    /** Product names are "adjective noun", translated word by word: en, fr, de, es. */
    static final String[][] PRODUCT_ADJECTIVES = {{"Ergonomic", "Ergonomique", "Ergonomischer", "Ergonómico"},
        {"Large", "Grand", "Großer", "Grande"}, {"Compact", "Compact", "Kompakter", "Compacto"},
        {"Wooden", "En bois", "Hölzerner", "De madera"}, {"Steel", "En acier", "Stahl", "De acero"},
        {"Premium", "Premium", "Premium", "Premium"}, {"Folding", "Pliant", "Klappbarer", "Plegable"},
        {"Wireless", "Sans fil", "Kabelloser", "Inalámbrico"}, {"Adjustable", "Réglable", "Verstellbarer",
            "Ajustable"}, {"Outdoor", "D'extérieur", "Outdoor", "De exterior"}, {"Classic", "Classique",
            "Klassischer", "Clásico"}, {"Modular", "Modulaire", "Modularer", "Modular"}};
    static final String[][] PRODUCT_NOUNS = {{"Desk", "Bureau", "Schreibtisch", "Escritorio"},
        {"Chair", "Chaise", "Stuhl", "Silla"}, {"Cabinet", "Armoire", "Schrank", "Armario"},
        {"Shelf", "Étagère", "Regal", "Estante"}, {"Lamp", "Lampe", "Lampe", "Lámpara"},
        {"Table", "Table", "Tisch", "Mesa"}, {"Drawer", "Tiroir", "Schublade", "Cajón"},
        {"Monitor Stand", "Support d'écran", "Monitorständer", "Soporte de monitor"},
        {"Keyboard", "Clavier", "Tastatur", "Teclado"}, {"Headset", "Casque", "Headset", "Auriculares"},
        {"Whiteboard", "Tableau blanc", "Whiteboard", "Pizarra"}, {"Locker", "Casier", "Spind", "Taquilla"},
        {"Sofa", "Canapé", "Sofa", "Sofá"}, {"Bench", "Banc", "Bank", "Banco"}, {"Screen", "Écran", "Bildschirm",
            "Pantalla"}, {"Storage Box", "Boîte de rangement", "Aufbewahrungsbox", "Caja de almacenaje"}};
    static final String[][] SERVICE_NAMES = {{"Installation", "Installation", "Installation", "Instalación"},
        {"Maintenance Contract", "Contrat de maintenance", "Wartungsvertrag", "Contrato de mantenimiento"},
        {"Consulting Hour", "Heure de consultance", "Beratungsstunde", "Hora de consultoría"},
        {"Training Session", "Session de formation", "Schulung", "Sesión de formación"}};
    /** The languages of the translations, in the order of the columns above after English. */
    static final String[] TRANSLATED_LANGS = {"fr_FR", "de_DE", "es_ES"};
}
