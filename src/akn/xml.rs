//! A thin layer over quick-xml's writer: block elements on their own indented
//! lines, inline content on one line, everything escaped by quick-xml.

use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

/// An XML output buffer with an indentation depth.
pub(crate) struct XmlOut {
    writer: Writer<Vec<u8>>,
    depth: usize,
}

impl XmlOut {
    /// A buffer whose first element is indented `depth` levels.
    pub(crate) fn new(depth: usize, capacity: usize) -> XmlOut {
        XmlOut {
            writer: Writer::new(Vec::with_capacity(capacity)),
            depth,
        }
    }

    fn event(&mut self, event: Event<'_>) {
        // Writing into a Vec<u8> cannot fail.
        self.writer
            .write_event(event)
            .expect("writing to memory does not fail");
    }

    fn newline(&mut self) {
        const SPACES: &str = "                                                                ";
        let width = (self.depth * 2).min(SPACES.len());
        self.raw("\n");
        self.raw(&SPACES[..width]);
    }

    /// Text that is already valid XML (white space, a prolog).
    pub(crate) fn raw(&mut self, text: &str) {
        self.writer.get_mut().extend_from_slice(text.as_bytes());
    }

    /// `<name attrs>` on a new line; following content is nested.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        self.start(name, attrs);
        self.depth += 1;
    }

    /// `</name>` on a new line, closing [`XmlOut::open`].
    pub(crate) fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.newline();
        self.end(name);
    }

    /// `<name attrs/>` on a new line.
    pub(crate) fn leaf(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        self.empty(name, attrs);
    }

    /// `<name attrs>` on a new line, for an element whose content stays on
    /// that line; close it with [`XmlOut::end`].
    pub(crate) fn line(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.newline();
        self.start(name, attrs);
    }

    /// `<name attrs>` inline.
    pub(crate) fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Start(start));
    }

    /// `</name>` inline.
    pub(crate) fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// `<name attrs/>` inline.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        self.event(Event::Empty(start));
    }

    /// Text, with `<`, `>` and `&` escaped (quotes need no escaping in content).
    pub(crate) fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.event(Event::Text(BytesText::from_escaped(partial_escape(text))));
        }
    }

    /// The bytes written.
    pub(crate) fn into_string(self) -> String {
        String::from_utf8(self.writer.into_inner()).expect("only UTF-8 was written")
    }
}
