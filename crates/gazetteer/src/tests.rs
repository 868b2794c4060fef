use super::*;
use std::collections::HashMap;

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

/// The best entry for `name`, which must exist.
fn best(name: &str) -> &'static Entry {
    g().lookup(name)
        .first()
        .copied()
        .unwrap_or_else(|| panic!("{name:?} is not in the gazetteer"))
}

fn same(names: &[&str]) -> &'static Entry {
    let first = best(names[0]);
    for n in &names[1..] {
        assert_eq!(best(n).key, first.key, "{n:?} and {:?} differ", names[0]);
    }
    first
}

#[test]
fn embedded_loads_with_entries_of_every_kind() {
    let g = g();
    let mut per_kind: HashMap<EntityKind, usize> = HashMap::new();
    let mut per_subtype: HashMap<Subtype, usize> = HashMap::new();
    for e in g.entries() {
        *per_kind.entry(e.kind).or_default() += 1;
        *per_subtype.entry(e.subtype).or_default() += 1;
    }
    assert!(per_kind[&EntityKind::Place] > 30_000, "{per_kind:?}");
    assert!(per_kind[&EntityKind::Person] > 250, "{per_kind:?}");
    assert!(per_kind[&EntityKind::Organisation] > 500, "{per_kind:?}");
    assert!(per_kind[&EntityKind::Group] > 200, "{per_kind:?}");
    assert!(per_subtype[&Subtype::Country] >= 249, "{per_subtype:?}");
    assert!(per_subtype[&Subtype::Region] > 3_000, "{per_subtype:?}");
    assert!(per_subtype[&Subtype::City] > 25_000, "{per_subtype:?}");
    assert!(per_subtype[&Subtype::Agency] > 20, "{per_subtype:?}");
    assert!(per_subtype[&Subtype::Outlet] > 80, "{per_subtype:?}");
    assert!(per_subtype[&Subtype::ThinkTank] > 30, "{per_subtype:?}");
    assert!(per_subtype[&Subtype::International] > 40, "{per_subtype:?}");
    assert_eq!(g.len(), g.entries().count());
    assert!(!g.is_empty());
}

#[test]
fn every_reference_points_at_an_entry_and_kinds_fit_subtypes() {
    let g = g();
    for e in g.entries() {
        for (what, r) in [
            ("parent", &e.parent),
            ("stands_for", &e.stands_for),
            ("capital", &e.capital),
        ] {
            if let Some(k) = r {
                assert!(g.get(k).is_some(), "{}: {what} {k} missing", e.key);
            }
        }
        if let Some(cc) = &e.country {
            assert!(g.get(&format!("country:{cc}")).is_some(), "{}: {cc}", e.key);
        }
        let kind = match e.subtype {
            Subtype::Country
            | Subtype::Continent
            | Subtype::Region
            | Subtype::City
            | Subtype::District
            | Subtype::Feature => EntityKind::Place,
            Subtype::Person => EntityKind::Person,
            Subtype::Nationality | Subtype::Ethnic | Subtype::Religious => EntityKind::Group,
            _ => EntityKind::Organisation,
        };
        assert_eq!(e.kind, kind, "{}", e.key);
        if let Some(q) = &e.wikidata {
            assert!(
                q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()),
                "{}: {q}",
                e.key
            );
        }
    }
}

#[test]
fn spelling_variants_resolve_to_one_entry() {
    let kyiv = same(&["Kyiv", "Kiev", "KYIV", "Kyïv"]);
    assert_eq!(kyiv.subtype, Subtype::City);
    assert_eq!(kyiv.country.as_deref(), Some("UA"));
    assert_eq!(kyiv.wikidata.as_deref(), Some("Q1899"));
    let zap = same(&["Zaporizhzhia", "Zaporozhye", "Zaporizhia", "Zaporizhzhya"]);
    assert_eq!(zap.name, "Zaporizhzhia");
    assert_eq!(same(&["Luhansk", "Lugansk"]).name, "Luhansk");
    assert_eq!(same(&["Kharkiv", "Kharkov"]).name, "Kharkiv");
    assert_eq!(same(&["Odesa", "Odessa"]).name, "Odesa");
    assert_eq!(same(&["Dnipro", "Dnipropetrovsk"]).name, "Dnipro");
    assert_eq!(
        same(&["Mykolaiv", "Nikolaev", "Mykolayiv"]).name,
        "Mykolaiv"
    );
    assert_eq!(same(&["Bakhmut", "Artemivsk"]).name, "Bakhmut");
    let donetsk = best("Donetsk");
    assert_eq!(
        donetsk.country.as_deref(),
        Some("UA"),
        "the Ukrainian city first"
    );
    assert_eq!(best("Kherson").country.as_deref(), Some("UA"));
    assert_eq!(best("Crimea").subtype, Subtype::Region);
    assert_eq!(
        same(&[
            "Zaporizhzhia Oblast",
            "Zaporozhye region",
            "Zaporizhzhia region"
        ])
        .subtype,
        Subtype::Region
    );
    // a region's name variants never shadow the city's
    assert_eq!(g().lookup("Zaporizhzhia").len(), 1);
    let zel = same(&[
        "Volodymyr Zelenskyy",
        "Zelensky",
        "Zelenskyy",
        "Zelenskiy",
        "Zelenski",
        "Volodymyr Zelensky",
    ]);
    assert_eq!(zel.kind, EntityKind::Person);
    assert_eq!(zel.role.as_deref(), Some("President of Ukraine"));
}

#[test]
fn normalisation_of_queries() {
    assert_eq!(best("the Kremlin").key, best("Kremlin").key);
    assert_eq!(best("KREMLIN").key, best("Kremlin").key);
    assert_eq!(best("Ivano Frankivsk").key, best("Ivano-Frankivsk").key);
    assert_eq!(best("Lugan’sk").key, best("Luhansk").key);
    assert_eq!(best("Orban").key, best("Viktor Orbán").key);
    assert_eq!(best("U.S.").key, "country:US");
    assert_eq!(best("United States").key, "country:US");
    assert!(g().lookup("no such place anywhere").is_empty());
    assert!(g().lookup("").is_empty());
}

#[test]
fn metonyms_stand_for_governments() {
    let g = g();
    let kremlin = best("the Kremlin");
    assert_eq!(kremlin.subtype, Subtype::Metonym);
    assert_eq!(kremlin.kind, EntityKind::Organisation);
    let gov = g
        .stands_for(kremlin)
        .expect("the Kremlin stands for something");
    assert_eq!(gov.name, "Government of Russia");
    assert_eq!(gov.subtype, Subtype::Government);
    for (name, government) in [
        ("Moscow", "gov:RU"),
        ("Kyiv", "gov:UA"),
        ("Washington", "gov:US"),
        ("Beijing", "gov:CN"),
        ("London", "gov:GB"),
        ("Paris", "gov:FR"),
        ("Berlin", "gov:DE"),
        ("Tehran", "gov:IR"),
        ("the White House", "gov:US"),
        ("Downing Street", "gov:GB"),
        ("Brussels", "org:eu"),
    ] {
        assert_eq!(best(name).stands_for.as_deref(), Some(government), "{name}");
    }
    assert_eq!(best("Brussels").subtype, Subtype::City);
    assert_eq!(
        g.stands_for(best("Brussels")).unwrap().name,
        "European Union"
    );
    // a capital is a city first
    assert_eq!(best("Moscow").subtype, Subtype::City);
    assert_eq!(best("Washington").country.as_deref(), Some("US"));
    assert_eq!(best("Russian government").key, "gov:RU");
}

#[test]
fn demonyms_name_countries() {
    let g = g();
    for (word, key) in [
        ("Russian", "country:RU"),
        ("Russians", "country:RU"),
        ("Ukrainian", "country:UA"),
        ("American", "country:US"),
        ("British", "country:GB"),
        ("Chinese", "country:CN"),
        ("Dutch", "country:NL"),
        ("Israeli", "country:IL"),
        ("Finnish", "country:FI"),
    ] {
        assert_eq!(g.demonym(word).map(|e| e.key.as_str()), Some(key), "{word}");
    }
    assert!(g.demonym("Kremlin").is_none());
    // as names, demonyms are groups (CoNLL MISC)
    assert_eq!(best("Russian").kind, EntityKind::Group);
    assert_eq!(best("Ukrainians").subtype, Subtype::Nationality);
}

#[test]
fn countries_have_codes_capitals_and_coordinates() {
    let g = g();
    let ua = g.get("country:UA").unwrap();
    assert_eq!(ua.name, "Ukraine");
    assert_eq!(ua.code.as_deref(), Some("UKR"));
    assert_eq!(ua.wikidata.as_deref(), Some("Q212"));
    assert_eq!(g.get(ua.capital.as_deref().unwrap()).unwrap().name, "Kyiv");
    assert!(ua.coords.is_some());
    assert!(ua.demonyms.iter().any(|d| d == "Ukrainian"));
    assert_eq!(best("Russian Federation").key, "country:RU");
    assert_eq!(best("Britain").key, "country:GB");
    assert_eq!(best("Türkiye").key, "country:TR");
    assert_eq!(
        best("Georgia").key,
        "country:GE",
        "the country before the US state"
    );
    let with_capital = g
        .entries()
        .filter(|e| e.subtype == Subtype::Country && e.capital.is_some())
        .count();
    assert!(with_capital > 230, "{with_capital}");
}

#[test]
fn cities_have_regions_and_coordinates() {
    let kharkiv = best("Kharkiv");
    let (lat, lon) = kharkiv.coords.unwrap();
    assert!(
        (lat - 50.0).abs() < 0.5 && (lon - 36.25).abs() < 0.5,
        "{lat},{lon}"
    );
    let region = g().get(kharkiv.parent.as_deref().unwrap()).unwrap();
    assert_eq!(region.name, "Kharkiv Oblast");
    assert_eq!(region.code.as_deref(), Some("UA-63"));
    assert!(kharkiv.population.unwrap() > 1_000_000);
    assert_eq!(best("California").subtype, Subtype::Region);
    assert_eq!(best("Kursk region").name, "Kursk Oblast");
}

#[test]
fn outlets_agencies_and_organisations() {
    let reuters = best("Reuters");
    assert_eq!(reuters.kind, EntityKind::Organisation);
    assert_eq!(reuters.subtype, Subtype::Agency);
    assert!(reuters.subtype.is_news_source());
    assert_eq!(
        same(&["The New York Times", "New York Times", "NYT"]).subtype,
        Subtype::Outlet
    );
    assert_eq!(best("Bloomberg").subtype, Subtype::Agency);
    assert_eq!(best("UNN").country.as_deref(), Some("UA"));
    assert_eq!(best("Observer News").key, best("Guancha").key);
    assert_eq!(best("DeepStateMap").subtype, Subtype::Outlet);
    let carnegie = best("Carnegie Endowment for International Peace");
    assert_eq!(carnegie.kind, EntityKind::Organisation);
    assert_eq!(carnegie.subtype, Subtype::ThinkTank);
    assert_eq!(
        best("German Foreign Policy Association").key,
        best("German Council on Foreign Relations").key
    );
    assert_eq!(best("IISS").subtype, Subtype::ThinkTank);
    for (name, subtype) in [
        ("NATO", Subtype::International),
        ("European Union", Subtype::International),
        ("IAEA", Subtype::International),
        ("Pentagon", Subtype::GovernmentBody),
        ("State Department", Subtype::GovernmentBody),
        ("Verkhovna Rada", Subtype::GovernmentBody),
        ("Russian Ministry of Defence", Subtype::GovernmentBody),
        ("Ministry of Defense of Russia", Subtype::GovernmentBody),
        ("Hamas", Subtype::ArmedGroup),
    ] {
        assert_eq!(best(name).subtype, subtype, "{name}");
    }
}

#[test]
fn people_have_roles_and_ids() {
    let putin = best("Putin");
    assert_eq!(putin.name, "Vladimir Putin");
    assert_eq!(putin.kind, EntityKind::Person);
    assert_eq!(putin.role.as_deref(), Some("President of Russia"));
    assert_eq!(putin.wikidata.as_deref(), Some("Q7747"));
    assert_eq!(putin.country.as_deref(), Some("RU"));
    assert_eq!(
        best("Trump").role.as_deref(),
        Some("President of the United States")
    );
    assert_eq!(
        best("Svyrydenko").role.as_deref(),
        Some("Prime Minister of Ukraine")
    );
    assert_eq!(best("Merz").role.as_deref(), Some("Chancellor of Germany"));
    assert_eq!(best("Stubb").role.as_deref(), Some("President of Finland"));
    assert_eq!(
        best("Peskov").role.as_deref(),
        Some("Press Secretary of the President of Russia (Kremlin spokesman)")
    );
    let peskov = best("Dmitry Peskov");
    assert_eq!(peskov.parent.as_deref(), Some("org:kremlin"));
}

/// The public officials among the people of the seed corpus's expected record.
const SEED_OFFICIALS: &[(&str, &[&str])] = &[
    ("Vladimir Putin", &["Putin"]),
    ("Donald Trump", &["Trump"]),
    ("Volodymyr Zelenskyy", &["Zelenskyy", "Zelensky"]),
    ("Dmitry Peskov", &["Peskov"]),
    ("Steve Witkoff", &["Witkoff"]),
    ("Marco Rubio", &["Rubio"]),
    ("Alexander Stubb", &["Stubb"]),
    ("Yulia Svyrydenko", &["Svyrydenko"]),
    ("Oleksandr Syrskyi", &["Syrskyi"]),
];

#[test]
fn seed_officials_are_present() {
    for (name, aliases) in SEED_OFFICIALS {
        let e = best(name);
        assert_eq!(e.kind, EntityKind::Person, "{name}");
        assert_eq!(&e.name, name);
        assert!(e.role.is_some(), "{name} has no role");
        for a in *aliases {
            assert_eq!(best(a).key, e.key, "{a}");
        }
    }
    // when the shared seeds sit beside the checkout, they name these people
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/expected.json"
    );
    if let Ok(text) = std::fs::read_to_string(path) {
        for (name, aliases) in SEED_OFFICIALS {
            assert!(
                text.contains(name) || aliases.iter().any(|a| text.contains(a)),
                "{name} is not in {path}"
            );
        }
    }
}

#[test]
fn names_cover_every_entry() {
    let g = g();
    let names: Vec<(&str, EntityKind)> = g.names().collect();
    assert!(names.len() > g.len());
    assert!(names.contains(&("Kiev", EntityKind::Place)));
    assert!(names.contains(&("Zelensky", EntityKind::Person)));
    assert!(names.contains(&("Reuters", EntityKind::Organisation)));
    assert!(names.contains(&("Russian", EntityKind::Group)));
}

#[test]
fn from_tsv_reports_malformed_input() {
    let header = COLUMNS.join("\t");
    assert_eq!(
        Gazetteer::from_tsv("# only a comment\n").unwrap_err(),
        GazetteerError::MissingHeader
    );
    assert!(matches!(
        Gazetteer::from_tsv("key\tkind\n").unwrap_err(),
        GazetteerError::Header(_)
    ));
    let ok = "x:1\tplace\tcity\tSpringfield\tSpringfeld\t\tUS\t\t\t39.8\t-89.6\t114394\t\t\t\t\t1";
    let g = Gazetteer::from_tsv(&format!("{header}\n{ok}\n")).unwrap();
    assert_eq!(g.len(), 1);
    assert_eq!(g.lookup("springfeld")[0].coords, Some((39.8, -89.6)));
    let bad_kind = ok.replace("\tplace\t", "\tplanet\t");
    assert!(matches!(
        Gazetteer::from_tsv(&format!("{header}\n{bad_kind}\n")).unwrap_err(),
        GazetteerError::Value {
            line: 2,
            column: "kind",
            ..
        }
    ));
    let bad_lat = ok.replace("39.8", "north");
    assert!(matches!(
        Gazetteer::from_tsv(&format!("{header}\n{bad_lat}\n")).unwrap_err(),
        GazetteerError::Value { column: "lat", .. }
    ));
    assert!(matches!(
        Gazetteer::from_tsv(&format!("{header}\n{ok}\n{ok}\n")).unwrap_err(),
        GazetteerError::DuplicateKey { .. }
    ));
    assert!(matches!(
        Gazetteer::from_tsv(&format!("{header}\nx:2\tplace\n")).unwrap_err(),
        GazetteerError::Columns {
            line: 2,
            found: 2,
            expected: 17
        }
    ));
}
