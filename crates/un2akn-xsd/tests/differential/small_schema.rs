//! XSD features beyond what Akoma Ntoso uses, on a small schema, compared with libxml2:
//! local (unqualified) elements, bounded occurrences, simple content, nillable,
//! `fixed`, `key`, wildcards with namespace lists, `xsi:type` derivation.

use un2akn_xsd::Schema;

use super::XML_XSD;

const SCHEMA: &str = r###"<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:t" targetNamespace="urn:t">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>
  <xs:complexType name="base">
    <xs:sequence>
      <xs:element name="a" type="xs:string" minOccurs="2" maxOccurs="3"/>
      <xs:choice minOccurs="0">
        <xs:element name="b" type="xs:integer"/>
        <xs:sequence><xs:element name="c" nillable="true" type="money"/><xs:element name="d" minOccurs="0"/></xs:sequence>
      </xs:choice>
    </xs:sequence>
    <xs:attribute name="id" type="xs:string"/>
    <xs:attribute name="v" type="xs:string" fixed="yes"/>
    <xs:attribute name="n" type="small" default="1"/>
  </xs:complexType>
  <xs:complexType name="derived">
    <xs:complexContent>
      <xs:extension base="base">
        <xs:sequence><xs:any namespace="##local urn:other" processContents="strict" minOccurs="0" maxOccurs="2"/></xs:sequence>
        <xs:anyAttribute namespace="urn:other" processContents="skip"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="money">
    <xs:simpleContent>
      <xs:extension base="amount"><xs:attribute name="cur" type="xs:NCName" use="required"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:simpleType name="amount"><xs:restriction base="xs:decimal"><xs:pattern value="[0-9]+\.[0-9]{2}"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="small"><xs:restriction base="xs:integer"><xs:enumeration value="1"/><xs:enumeration value="2"/></xs:restriction></xs:simpleType>
  <xs:element name="root">
    <xs:complexType>
      <xs:sequence><xs:element name="item" type="base" maxOccurs="unbounded"/></xs:sequence>
    </xs:complexType>
    <xs:unique name="k"><xs:selector xpath=".//*"/><xs:field xpath="@id"/></xs:unique>
  </xs:element>
</xs:schema>"###;

fn libxml(xml: &str) -> bool {
    static SCHEMA_LIBXML2: std::sync::OnceLock<un2akn_xsd::libxml2::Schema> =
        std::sync::OnceLock::new();
    SCHEMA_LIBXML2
        .get_or_init(|| {
            un2akn_xsd::libxml2::Schema::compile(SCHEMA, &[("xml.xsd", XML_XSD)])
                .expect("libxml2 compiles the small schema")
        })
        .validate(xml)
        .is_ok()
}

#[test]
fn a_small_schema_with_other_features_agrees_with_libxml2() {
    let native = Schema::compile(SCHEMA, &[("xml.xsd", XML_XSD)]).expect("compiles");
    let x = "xmlns:t=\"urn:t\"";
    let xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    let docs = [
        format!("<t:root {x}><item id=\"1\"><a>x</a><a>y</a></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a>x</a></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><b>12</b></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><b>1.2</b></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><c cur=\"EUR\">1.20</c></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><c cur=\"EUR\">1.2</c></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><c>1.20</c></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><c cur=\"EUR\">1.20</c><d><any/></d></item></t:root>"),
        format!("<t:root {x} {xsi}><item id=\"1\"><a/><a/><c cur=\"EUR\" xsi:nil=\"true\"/></item></t:root>"),
        format!("<t:root {x} {xsi}><item id=\"1\"><a/><a/><c cur=\"EUR\" xsi:nil=\"true\">1.00</c></item></t:root>"),
        format!("<t:root {x}><item id=\"1\" v=\"yes\" n=\"2\"><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\" v=\"no\"><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\" v=\" yes\"><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\" n=\"3\"><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\" n=\" 2 \"><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/></item></t:root>"),
        format!("<t:root {x} {xsi}><item id=\"1\" xsi:type=\"t:derived\"><a/><a/><e id=\"4\"/></item></t:root>"),
        format!("<t:root {x} {xsi}><item id=\"1\" xsi:type=\"t:derived\"><a/><a/></item></t:root>"),
        format!("<t:root {x} {xsi} xmlns:o=\"urn:other\"><item id=\"1\" xsi:type=\"t:derived\" o:z=\"1\"><a/><a/></item></t:root>"),
        format!("<t:root {x} {xsi} xmlns:o=\"urn:else\"><item id=\"1\" xsi:type=\"t:derived\" o:z=\"1\"><a/><a/></item></t:root>"),
        format!("<t:root {x} {xsi}><item id=\"1\" xsi:type=\"t:money\"><a/><a/></item></t:root>"),
        format!("<t:root {x}><t:item id=\"1\"><a/><a/></t:item></t:root>"),
        format!("<t:root {x}></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><d/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/></item><item id=\"1\"><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/></item><item id=\"2\"><a/><a/></item><item><a/><a/></item></t:root>"),
        format!("<t:root {x}><item id=\"1\"><a/><a/><c cur=\"E&#9;\">1.00</c></item></t:root>"),
    ];
    let mut bad = Vec::new();
    for d in &docs {
        let lib = libxml(d);
        let nat = native.validate(d);
        if std::env::var("DUMP").is_ok() {
            eprintln!(
                "{lib} {:?} {d}",
                nat.as_ref().map_err(|v| v[0].message.clone())
            );
        }
        if lib != nat.is_ok() {
            bad.push(format!("{d}\n  libxml2 valid: {lib}; native: {nat:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
