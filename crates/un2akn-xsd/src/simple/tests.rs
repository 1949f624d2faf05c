//! Unit tests of the simple types: libxml2's lexical quirks pinned.

use super::*;

fn d(s: &str) -> bool {
    lexical(Builtin::Date, s)
}
fn dtm(s: &str) -> bool {
    lexical(Builtin::DateTime, s)
}

#[test]
fn dates_as_libxml2() {
    for ok in [
        "2022-02-28",
        "2024-02-29",
        "2000-02-29",
        "10000-01-01",
        "-0001-01-01",
        "2022-01-01Z",
        "2022-01-01+14:00",
        "2022-01-01-14:00",
        "0001-01-01",
        "-0004-02-29",
        "99999-12-31",
    ] {
        assert!(d(ok), "{ok}");
    }
    for bad in [
        "2022-02-29",
        "1900-02-29",
        "2022-1-01",
        "02022-01-01",
        "0000-01-01",
        "2022-01-01+14:01",
        "2022-01-01+24:00",
        "2022-01-01+13:60",
        "2022-13-01",
        "2022-00-01",
        "2022-01-00",
        "2022-04-31",
        "",
        "+2022-01-01",
        "-0000-01-01",
        "2022-01-01z",
        "2022-01-01 Z",
        "-0001-02-29",
        "-0005-02-29",
        "2022-01-01 ",
        " 2022-01-01",
        "2022-01-01T00:00:00",
        "2022",
    ] {
        assert!(!d(bad), "{bad}");
    }
}

#[test]
fn date_times_as_libxml2() {
    for ok in [
        "2022-01-01T00:00:00",
        "2022-01-01T24:00:00",
        "2022-01-01T12:00:00.5",
        "2022-12-31T24:00:00",
        "2022-01-01T12:00:00Z",
        "2022-01-01T12:00:00+01:00",
        "2022-01-01T12:00:00.123456789012",
        "2022-01-01T12:00:00Z ",
        "2022-01-01T24:00:00.000",
    ] {
        assert!(dtm(ok), "{ok}");
    }
    for bad in [
        "2022-01-01T24:00:01",
        "2022-01-01T23:59:60",
        "2022-01-01T12:00:00.",
        "2022-01-01T12:00",
        "2022-01-01T1:00:00",
        "2022-02-29T00:00:00",
        "2022-01-01T12:00:00+1:00",
        " 2022-01-01T00:00:00",
        "2022-01-01T00:00:00 ",
        "2022-01-01T24:00:00.5",
        "2022-01-01",
    ] {
        assert!(!dtm(bad), "{bad}");
    }
    assert!(lexical(Builtin::Time, "13:20:00"));
    assert!(lexical(Builtin::Time, "24:00:00"));
    assert!(!lexical(Builtin::Time, "13:20"));
    assert!(!lexical(Builtin::Time, "25:00:00"));
    assert!(lexical(Builtin::Time, " 13:20:00Z"));
    assert!(!lexical(Builtin::Time, "13:20:00 "));
}

#[test]
fn durations() {
    for ok in [
        "P1Y",
        "P1Y2M3DT4H5M6S",
        "PT0.5S",
        "-P3D",
        "PT36H",
        " P1D",
        "P0Y",
    ] {
        assert!(lexical(Builtin::Duration, ok), "{ok}");
    }
    for bad in [
        "P", "PT", "1Y", "P1S", "PT1D", "P1.5D", "P1D ", "P-1D", "P1Y1Y", "PT1H1H", "P1DT", "P1M1Y",
    ] {
        assert!(!lexical(Builtin::Duration, bad), "{bad}");
    }
}

#[test]
fn booleans_and_integers() {
    for ok in ["true", "false", "1", "0", " true ", "\ttrue\n"] {
        assert!(lexical(Builtin::Boolean, ok), "{ok}");
    }
    for bad in ["TRUE", "yes", "", "tru", "true x", "01", "truex"] {
        assert!(!lexical(Builtin::Boolean, bad), "{bad}");
    }
    for ok in [
        "0",
        "-1",
        "+17",
        " 42 ",
        "000123",
        "123456789012345678901234",
        "0000000000000000000000000001",
    ] {
        assert!(lexical(Builtin::Integer, ok), "{ok}");
    }
    for bad in [
        "",
        "-",
        "+",
        "1.0",
        "1e3",
        "1 2",
        "1234567890123456789012345",
        "0x10",
        "--1",
    ] {
        assert!(!lexical(Builtin::Integer, bad), "{bad}");
    }
    assert!(lexical(Builtin::Decimal, "1.5"));
    assert!(lexical(Builtin::Decimal, "00."));
    assert!(!lexical(Builtin::Decimal, "."));
}

#[test]
fn uris_languages_names() {
    for ok in [
        "",
        "#a",
        "/akn/un/x",
        "http://x.org/a?b=c#d",
        "a b",
        "%20",
        "http://[::1]/",
        "é",
        "x:y",
        "#a]",
        "#[x]",
    ] {
        assert!(lexical(Builtin::AnyUri, ok), "{ok}");
    }
    for bad in [
        "%zz",
        "#a#b",
        "http://a:b/",
        "a%2",
        "[",
        "http://a]b",
        "a[b",
    ] {
        assert!(!lexical(Builtin::AnyUri, bad), "{bad}");
    }
    for ok in ["en", "en-GB", "x-klingon", "zh-Hant-TW", " en "] {
        assert!(lexical(Builtin::Language, ok), "{ok}");
    }
    for bad in ["", "e1", "toolonglang", "en-", "-en", "en--GB", "en_GB"] {
        assert!(!lexical(Builtin::Language, bad), "{bad}");
    }
    assert!(lexical(Builtin::Id, "a1"));
    assert!(lexical(Builtin::Id, " a1 "));
    assert!(!lexical(Builtin::Id, "1a"));
    assert!(!lexical(Builtin::Id, "a:b"));
    assert!(!lexical(Builtin::Id, ""));
}
