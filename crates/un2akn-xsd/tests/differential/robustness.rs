//! The native validator never panics, whatever the input, and agrees with
//! libxml2 on garbage too: random bytes, truncations and splices of the fixtures.

use super::Rng;

fn boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[test]
fn garbage_never_panics_and_agrees() {
    let n: usize = std::env::var("GARBAGE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let fixtures: Vec<String> = super::fixtures()
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| t.len() < 60_000)
        .collect();
    let mut rng = Rng(99);
    const PIECES: &[&str] = &[
        "<",
        ">",
        "/>",
        "</",
        "<!--",
        "-->",
        "<?",
        "?>",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE",
        "&",
        ";",
        "&#",
        "&#x",
        "\"",
        "'",
        "=",
        " ",
        "\n",
        "\r",
        "\t",
        "xmlns",
        ":",
        "a",
        "p",
        "akn",
        "\u{0}",
        "\u{1}",
        "\u{fffe}",
        "é",
        "\u{feff}",
        "<p xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">",
        "</p>",
        "<b>",
        "</b>",
        "&amp;",
        "&lt;",
    ];
    let mut disagreements = Vec::new();
    let mut quirks = 0;
    for k in 0..n {
        let doc: String = match rng.below(4) {
            0 => {
                // Random pieces.
                (0..rng.below(40))
                    .map(|_| PIECES[rng.below(PIECES.len())])
                    .collect()
            }
            1 => {
                // A truncated fixture.
                let f = &fixtures[rng.below(fixtures.len())];
                let at = boundary(f, rng.below(f.len() + 1));
                f[..at].to_string()
            }
            2 => {
                // A splice of two fixture slices.
                let a = &fixtures[rng.below(fixtures.len())];
                let b = &fixtures[rng.below(fixtures.len())];
                let i = boundary(a, rng.below(a.len()));
                let j = boundary(b, rng.below(b.len()));
                format!("{}{}", &a[..i], &b[j..])
            }
            _ => {
                // Random bytes made UTF-8.
                let bytes: Vec<u8> = (0..rng.below(200))
                    .map(|_| (rng.next() & 0xFF) as u8)
                    .collect();
                String::from_utf8_lossy(&bytes).into_owned()
            }
        };
        let nat = std::panic::catch_unwind(|| super::ours(&doc));
        let Ok(nat) = nat else {
            panic!("the native validator panicked on input #{k}: {doc:?}");
        };
        let lib = super::libxml(&doc);
        if lib.is_ok() && nat.is_err() && super::libxml2_nul_quirk(&doc) {
            // Documented divergence: libxml2 stops at a NUL after the root element.
            quirks += 1;
            continue;
        }
        if lib.is_ok() != nat.is_ok() {
            disagreements.push(format!(
                "#{k} {:?}: libxml2 {:?}; native {:?}",
                &doc[..boundary(&doc, 200)],
                lib.err(),
                nat.err()
            ));
        }
    }
    eprintln!(
        "{n} garbage inputs, {} disagreements, {quirks} documented divergences (NUL after the root)",
        disagreements.len()
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
