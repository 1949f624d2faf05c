//! The JSON shape of `--format json` (the model) against its committed JSON
//! Schema, `schemas/un2akn-document.schema.json`:
//!
//! - `committed_schema_is_current`: the committed file is what the model
//!   types generate ([`un2akn::model::json_schema`]). After changing the
//!   model, regenerate it with
//!   `UN2AKN_BLESS_SCHEMA=1 cargo test --test main schema::` and review the
//!   diff;
//! - `examples_and_corpus_validate`: the JSON of both examples, every corpus
//!   document and a few constructed texts (divisions, annexes, votes, a
//!   draft) validates against the committed schema.

use crate::util;

const SCHEMA_PATH: &str = "schemas/un2akn-document.schema.json";

fn committed() -> String {
    std::fs::read_to_string(util::root().join(SCHEMA_PATH)).unwrap_or_default()
}

#[test]
fn committed_schema_is_current() {
    let generated = un2akn::model::json_schema();
    if std::env::var_os("UN2AKN_BLESS_SCHEMA").is_some() {
        std::fs::write(util::root().join(SCHEMA_PATH), &generated).expect("schema written");
        return;
    }
    assert!(
        committed() == generated,
        "{SCHEMA_PATH} is not what the model generates; regenerate it with \
         `UN2AKN_BLESS_SCHEMA=1 cargo test --test main schema::` and review the diff"
    );
}

/// Texts that reach the model's less common shapes.
const CONSTRUCTED: &[&str] = &[
    // An annexed convention: its formulas, chapters and articles.
    "## Resolution adopted by the General Assembly on 24 December 2024\n\n### 79/999. Convention\n\n*The General Assembly,*\n\n1. *Adopts* the Convention annexed to the present resolution.\n\nAnnex\n\nConvention\n\nThe States Parties to this Convention,\n\n*Noting* the need,\n\nHave agreed as follows:\n\nChapter I\n\nGeneral provisions\n\nArticle 1\n\nStatement of purpose\n\nThe purpose of this Convention is to act.\n",
    // Divisions nested two deep, and one with nothing under it.
    "## Resolution adopted by the General Assembly on 9 December 2024\n\n### 79/144. Oceans\n\n*The General Assembly,*\n\n*Recalling* its resolutions 60/251 of 15 March 2006 and 5/1,\n\nA\n\nOceans\n\nI. Implementation\n\n1. *Reaffirms* its resolutions;\n\n(a) To act;\n\n(i) Now;\n\nand so on;\n\nB\n\nFisheries\n\n2. *Decides* to act, see [A/HRC/49/94](#) and [x](https://example.org/a).\n\nII\nFollow-up X\nsecond Y\n",
    // A recorded vote with voters, and an annex.
    "## Resolution adopted by the Human Rights Council on 1 April 2022\n\n### 49/1. Title\n\n*The Human Rights Council,*\n\n1. *Decides* to act.\n\n*58th meeting*\n*1 April 2022*\n\n[Adopted by a recorded vote of 28 to 7, with 12 abstentions. The voting was as follows:\n\n*In favour:* Chile, France\n\n*Against:* China\n\n*Abstaining:* India]\n\nAnnex\n\nDeclaration\n\n1. Text of the annex.\n",
    // A separator between recitals.
    "Resolution adopted by the General Assembly on 9 December 2024\n\n79/1. Title\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n* * *\n\nNoting the report,\n\n1. Decides to act.\n",
];

#[test]
fn examples_and_corpus_validate() {
    let schema: serde_json::Value =
        serde_json::from_str(&committed()).expect("the committed schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    // The schema does reject what is not a document.
    assert!(!validator.is_valid(&serde_json::json!({ "kind": "resolution" })));
    let mut texts: Vec<(String, String)> = ["A_HRC_RES_49_34.md", "A_HRC_58_L_draft_Mali.md"]
        .iter()
        .map(|name| (name.to_string(), util::read_example(name)))
        .collect();
    for path in util::corpus_documents() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        texts.push((name, util::corpus_text(&path)));
    }
    // The UN pairs' PDF texts (and markdown) too.
    let pairs = util::root().join("tests/fixtures/pairs");
    let mut inputs: Vec<_> = std::fs::read_dir(&pairs)
        .expect("tests/fixtures/pairs exists")
        .map(|entry| entry.expect("a readable folder").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "txt" || ext == "md")
        })
        .collect();
    inputs.sort();
    for path in inputs {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        texts.push((name, std::fs::read_to_string(&path).expect("UTF-8 pair")));
    }
    for (index, text) in CONSTRUCTED.iter().enumerate() {
        texts.push((format!("constructed {index}"), text.to_string()));
    }
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, text) in &texts {
        let mut options = un2akn::Options::default();
        options.symbol = name.contains("draft").then(|| "A/HRC/58/L.12".to_string());
        let conversion = match un2akn::convert(text, &options) {
            Ok(conversion) => conversion,
            Err(error) => {
                failures.push(format!("{name}: does not convert: {error}"));
                continue;
            }
        };
        let json = serde_json::to_value(&conversion.document).expect("the model serialises");
        checked += 1;
        for error in validator.iter_errors(&json).take(3) {
            failures.push(format!("{name}: {error} at {}", error.instance_path()));
        }
    }
    assert_eq!(checked, texts.len(), "{}", failures.join("\n"));
    assert!(
        checked >= 2 + 32 + CONSTRUCTED.len(),
        "only {checked} documents"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
