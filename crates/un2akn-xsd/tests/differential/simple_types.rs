//! Differential test of the simple types: thousands of attribute values, each
//! in a minimal document whose attribute has the type under test, must get
//! the same verdict from the native validator and from libxml2.

use super::Rng;

const AKN: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// (type, document template with `{V}` for the value).
fn carriers() -> Vec<(&'static str, String)> {
    let t = |s: &str| s.replace("AKN", AKN);
    vec![
        (
            "date|dateTime",
            t(r#"<docDate xmlns="AKN" date="{V}">x</docDate>"#),
        ),
        (
            "time|dateTime",
            t(r#"<time xmlns="AKN" time="{V}">x</time>"#),
        ),
        (
            "dateTime",
            t(r##"<speech xmlns="AKN" by="#a" startTime="{V}"><p>x</p></speech>"##),
        ),
        (
            "duration",
            t(r##"<timeInterval xmlns="AKN" refersTo="#a" duration="{V}"/>"##),
        ),
        (
            "boolean",
            t(r#"<FRBRprescriptive xmlns="AKN" value="{V}"/>"#),
        ),
        ("integer", t(r#"<td xmlns="AKN" rowspan="{V}"/>"#)),
        ("anyURI", t(r#"<a xmlns="AKN" href="{V}">x</a>"#)),
        (
            "list of anyURI",
            t(r#"<p xmlns="AKN" refersTo="{V}">x</p>"#),
        ),
        ("noWhiteSpace", t(r#"<p xmlns="AKN" eId="{V}">x</p>"#)),
        (
            "placementType",
            t(r#"<authorialNote xmlns="AKN" placement="{V}"><p>x</p></authorialNote>"#),
        ),
        ("statusType", t(r#"<p xmlns="AKN" status="{V}">x</p>"#)),
        ("xml:lang", t(r#"<p xmlns="AKN" xml:lang="{V}">x</p>"#)),
        ("xml:space", t(r#"<p xmlns="AKN" xml:space="{V}">x</p>"#)),
        ("xml:id", t(r#"<p xmlns="AKN" xml:id="{V}">x</p>"#)),
        ("xml:base", t(r#"<p xmlns="AKN" xml:base="{V}">x</p>"#)),
        (
            "language (string)",
            t(r#"<FRBRlanguage xmlns="AKN" language="{V}"/>"#),
        ),
        (
            "xml:lang on foreign",
            t(
                r##"<presentation xmlns="AKN" source="#a"><f:x xmlns:f="urn:f" xml:lang="{V}"/></presentation>"##,
            ),
        ),
    ]
}

const SEEDS: &[&str] = &[
    "",
    " ",
    "  ",
    "\t",
    "\n",
    "x",
    "0",
    "1",
    "true",
    "false",
    " true",
    "true ",
    "TRUE",
    "tru",
    "truefalse",
    "01",
    "2022-02-28",
    "2022-02-29",
    "2024-02-29",
    "1900-02-29",
    "2000-02-29",
    "2100-02-29",
    "1600-02-29",
    "-0004-02-29",
    "-0001-02-29",
    "-0400-02-29",
    "0000-01-01",
    "-0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "010000-01-01",
    "99999-12-31",
    "2022-1-01",
    "2022-01-1",
    "22-01-01",
    "+2022-01-01",
    "2022/01/01",
    "2022-01-01Z",
    "2022-01-01z",
    "2022-01-01+00:00",
    "2022-01-01-00:00",
    "2022-01-01+14:00",
    "2022-01-01-14:00",
    "2022-01-01+14:01",
    "2022-01-01+13:59",
    "2022-01-01+24:00",
    "2022-01-01+1:00",
    "2022-01-01+01:0",
    "2022-01-01+0100",
    "2022-01-01 Z",
    " 2022-01-01",
    "2022-01-01 ",
    " 2022-01-01 ",
    "2022-01-01T00:00:00",
    "2022-01-01T24:00:00",
    "2022-01-01T24:00:01",
    "2022-01-01T24:01:00",
    "2022-01-01T24:00:00.0",
    "2022-01-01T24:00:00.1",
    "2022-01-01T23:59:59",
    "2022-01-01T23:59:60",
    "2022-01-01T23:60:00",
    "2022-01-01T12:00:00.5",
    "2022-01-01T12:00:00.",
    "2022-01-01T12:00:00.50000000000000000001",
    "2022-01-01T12:00",
    "2022-01-01T1:00:00",
    "2022-01-01T12:00:00Z",
    "2022-01-01T12:00:00+01:00",
    "2022-01-01T12:00:00-12:00",
    "2022-01-01T12:00:00+15:00",
    " 2022-01-01T12:00:00",
    "2022-01-01T12:00:00 ",
    "2022-01-01T12:00:00Z ",
    "2022-01-01T12:00:00+01:00 ",
    "2022-01-01t12:00:00",
    "2022-01-01 12:00:00",
    "2022-02-29T00:00:00",
    "2022-04-31T00:00:00",
    "2022",
    "2022-01",
    "--01",
    "--01-01",
    "---01",
    "12:00:00",
    "24:00:00",
    "24:00:01",
    "00:00:00",
    "23:59:59.999",
    "12:00:00Z",
    "12:00:00+01:00",
    "12:00:00 ",
    " 12:00:00",
    "12:00",
    "12:00:60",
    "1:00:00",
    "P1Y",
    "P1M",
    "P1D",
    "PT1H",
    "PT1M",
    "PT1S",
    "PT1.5S",
    "P1Y2M3DT4H5M6.7S",
    "P",
    "PT",
    "P1",
    "1Y",
    "-P1D",
    "+P1D",
    "P-1D",
    "P1.5D",
    "P1DT",
    "PT1H1H",
    "P1M1Y",
    "P1Y ",
    " P1Y",
    "P 1Y",
    "P99999999999999999999Y",
    "P0D",
    "PT0S",
    "PT36H",
    "P1W",
    "42",
    "-42",
    "+42",
    "0042",
    "-0",
    "+",
    "-",
    "1.0",
    "1e3",
    " 42",
    "42 ",
    "4 2",
    "1234567890123456789012345",
    "123456789012345678901234",
    "00000000000000000000000000001",
    "#a",
    "#unga",
    "/akn/un/x",
    "../x",
    "x/y/z",
    "a b",
    "a  b",
    " a",
    "a ",
    "%20",
    "%zz",
    "%2",
    "%",
    "#a#b",
    "##",
    "#",
    "?",
    "?a=b",
    "a?b?c",
    "a#b?c",
    "http://x.org",
    "http://x.org/p?q#f",
    "http://user@x.org:80/p",
    "http://x.org:/",
    "http://x.org:8x/",
    "http://[::1]/",
    "http://[::1/",
    "http://x]/",
    "[",
    "]",
    "a[b",
    "a]b",
    "http://256.256.256.256/",
    "http://259.1.1.1/",
    "mailto:a@b.c",
    "urn:isbn:123",
    "a:b",
    ":a",
    "1a:b",
    "é",
    "ü/ä",
    "a\"b",
    "a<b",
    "a>b",
    "a{b",
    "a|b",
    "a\\b",
    "a^b",
    "a`b",
    "a'b",
    "a%41b",
    "http://x.org/%7Euser",
    "en",
    "en-GB",
    "EN",
    "e",
    "english",
    "englishx",
    "en-",
    "-en",
    "en--GB",
    "en-GB-x",
    "x-klingon",
    "en-123",
    "123",
    "en_GB",
    "zh-Hant-TW",
    "en-abcdefghi",
    " en",
    "en ",
    "default",
    "preserve",
    " preserve",
    "preserve ",
    "Preserve",
    "default preserve",
    "a1",
    "1a",
    "_a",
    "a.b",
    "a-b",
    "a:b",
    "a b",
    ".a",
    "-a",
    "é1",
    "a\u{300}",
    "\u{300}a",
    "a\u{b7}",
    "\u{4e00}",
    "\u{3007}x",
    "\u{1d400}",
    "originalVersion",
    "side",
    "left",
    "right",
    "bottom",
    "inline",
    " side",
    "side ",
    "Side",
    "removed",
    "temporarilyRemoved",
    "translated",
    "editorial",
    "edited",
    "verbatim",
    "incomplete",
    "unknown",
    "undefined",
    "ignored",
    "para_1",
    "a\tb",
    "a\nb",
    "\u{a0}",
    "x\u{a0}",
    "#a #b",
    "#a  #b",
    " #a #b ",
    "#a %zz",
    "#a\t#b",
    "&",
    "<",
    "'",
    "#a]",
    "#[x]",
    "a]",
    "#a[b]c",
    "x#a]",
];

/// Random variations of the seed values: a character inserted, deleted or replaced.
fn variants(rng: &mut Rng, n: usize) -> Vec<String> {
    const ALPHABET: &[char] = &[
        '0', '1', '2', '4', '9', '-', ':', '.', 'T', 'Z', '+', ' ', 'P', 'Y', 'M', 'D', 'H', 'S',
        'a', 'e', 'x', '%', '#', '/', '?', '[', ']', '@', '_', '\t', 'é', 'F',
    ];
    let mut out = Vec::new();
    while out.len() < n {
        let base: Vec<char> = SEEDS[rng.below(SEEDS.len())].chars().collect();
        let mut v = base.clone();
        for _ in 0..1 + rng.below(2) {
            let c = ALPHABET[rng.below(ALPHABET.len())];
            match rng.below(3) {
                0 => {
                    let i = rng.below(v.len() + 1);
                    v.insert(i, c);
                }
                1 if !v.is_empty() => {
                    let i = rng.below(v.len());
                    v.remove(i);
                }
                _ if !v.is_empty() => {
                    let i = rng.below(v.len());
                    v[i] = c;
                }
                _ => v.push(c),
            }
        }
        out.push(v.into_iter().collect());
    }
    out
}

fn escape(v: &str) -> String {
    v.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
}

#[test]
fn attribute_values_get_the_same_verdict_as_libxml2() {
    let n: usize = std::env::var("VALUES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let mut rng = Rng(7);
    let mut values: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    values.extend(variants(&mut rng, n));
    let mut disagreements = Vec::new();
    let mut checked = 0;
    for (ty, template) in carriers() {
        for v in &values {
            let doc = template.replace("{V}", &escape(v));
            let lib = super::libxml(&doc);
            let nat = super::ours(&doc);
            checked += 1;
            if lib.is_ok() != nat.is_ok() {
                disagreements.push(format!(
                    "{ty} {v:?}: libxml2 {:?}, native {:?}",
                    lib.err(),
                    nat.err()
                ));
            }
        }
    }
    eprintln!(
        "{checked} typed values checked, {} disagreements",
        disagreements.len()
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
