//! A small engine for the subset of XML Schema regular expressions that
//! pattern facets commonly use: branches, groups, quantifiers (`? * + {n,m}`),
//! `.`, character class expressions with ranges and negation, single-character
//! escapes, and the multi-character escapes `\s \S \i \I \c \C` with libxml2's
//! definitions. Unicode category escapes (`\p{..}`, `\d`, `\w`) and class
//! subtraction are not supported: compiling such a pattern fails, so the
//! limitation shows at `Schema::compile`, never as a wrong verdict.
//!
//! Patterns are anchored at both ends, as XML Schema requires. Matching
//! simulates a Thompson NFA (no backtracking, linear in the input).

use super::chars::{old_is_combining, old_is_digit, old_is_extender, old_is_letter};

/// One character-set item of a class.
#[derive(Clone, Debug)]
enum Item {
    Range(char, char),
    Space(bool),
    InitName(bool),
    NameChar(bool),
    Any,
}

impl Item {
    fn matches(&self, c: char) -> bool {
        match *self {
            Item::Range(lo, hi) => lo <= c && c <= hi,
            Item::Space(neg) => matches!(c, ' ' | '\t' | '\n' | '\r') != neg,
            Item::InitName(neg) => (old_is_letter(c as u32) || c == '_' || c == ':') != neg,
            Item::NameChar(neg) => {
                let u = c as u32;
                (old_is_letter(u)
                    || old_is_digit(u)
                    || matches!(c, '.' | '-' | '_' | ':')
                    || old_is_combining(u)
                    || old_is_extender(u))
                    != neg
            }
            Item::Any => c != '\n' && c != '\r',
        }
    }
}

/// A set of characters: the union of `items`, complemented if `neg`.
#[derive(Clone, Debug)]
struct Class {
    neg: bool,
    items: Vec<Item>,
}

impl Class {
    fn matches(&self, c: char) -> bool {
        self.items.iter().any(|i| i.matches(c)) != self.neg
    }
}

/// A regular expression tree.
#[derive(Clone, Debug)]
enum Node {
    Empty,
    Class(Class),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

/// An NFA instruction.
#[derive(Clone, Debug)]
enum Inst {
    Char(Class, usize),
    Split(usize, usize),
    Jmp(usize),
    Match,
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub(super) struct Regex {
    prog: Vec<Inst>,
    source: String,
    /// The pattern is `[^\s]+` (or `\S+`): checked without the NFA.
    no_ws_plus: bool,
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    src: &'a str,
}

impl Parser<'_> {
    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("pattern '{}': {what}", self.src))
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn regexp(&mut self) -> Result<Node, String> {
        let mut branches = vec![self.branch()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            branches.push(self.branch()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }
    fn branch(&mut self) -> Result<Node, String> {
        let mut pieces = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            pieces.push(self.quantifier(atom)?);
        }
        Ok(match pieces.len() {
            0 => Node::Empty,
            1 => pieces.pop().unwrap_or(Node::Empty),
            _ => Node::Seq(pieces),
        })
    }
    fn number(&mut self) -> Result<u32, String> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if start == self.pos {
            return self.err("a number is expected in a quantifier");
        }
        let s: String = self.chars[start..self.pos].iter().collect();
        s.parse().or_else(|_| self.err("quantifier too large"))
    }
    fn quantifier(&mut self, atom: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                self.pos += 1;
                let min = self.number()?;
                let max = if self.peek() == Some(',') {
                    self.pos += 1;
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(self.number()?)
                    }
                } else {
                    Some(min)
                };
                if self.peek() != Some('}') {
                    return self.err("'}' expected");
                }
                if max.is_some_and(|m| m < min) {
                    return self.err("bad quantifier");
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.pos += 1;
        Ok(Node::Repeat(Box::new(atom), min, max))
    }
    fn escape(&mut self) -> Result<Item, String> {
        // After the backslash.
        let Some(c) = self.peek() else {
            return self.err("dangling '\\'");
        };
        self.pos += 1;
        Ok(match c {
            'n' => Item::Range('\n', '\n'),
            'r' => Item::Range('\r', '\r'),
            't' => Item::Range('\t', '\t'),
            '\\' | '|' | '.' | '-' | '^' | '?' | '*' | '+' | '{' | '}' | '(' | ')' | '[' | ']' => {
                Item::Range(c, c)
            }
            's' => Item::Space(false),
            'S' => Item::Space(true),
            'i' => Item::InitName(false),
            'I' => Item::InitName(true),
            'c' => Item::NameChar(false),
            'C' => Item::NameChar(true),
            _ => return self.err(&format!("the escape '\\{c}' is not supported")),
        })
    }
    fn atom(&mut self) -> Result<Node, String> {
        let Some(c) = self.peek() else {
            return self.err("unexpected end");
        };
        self.pos += 1;
        Ok(match c {
            '(' => {
                let inner = self.regexp()?;
                if self.peek() != Some(')') {
                    return self.err("')' expected");
                }
                self.pos += 1;
                inner
            }
            '.' => Node::Class(Class {
                neg: false,
                items: vec![Item::Any],
            }),
            '\\' => Node::Class(Class {
                neg: false,
                items: vec![self.escape()?],
            }),
            '[' => Node::Class(self.class()?),
            '?' | '*' | '+' | '{' | '}' | ')' | ']' => {
                return self.err(&format!("unexpected '{c}'"))
            }
            _ => Node::Class(Class {
                neg: false,
                items: vec![Item::Range(c, c)],
            }),
        })
    }
    fn class_char(&mut self) -> Result<Item, String> {
        let Some(c) = self.peek() else {
            return self.err("unterminated class");
        };
        self.pos += 1;
        if c == '\\' {
            return self.escape();
        }
        if c == '[' {
            return self.err("class subtraction is not supported");
        }
        Ok(Item::Range(c, c))
    }
    fn class(&mut self) -> Result<Class, String> {
        let neg = if self.peek() == Some('^') {
            self.pos += 1;
            true
        } else {
            false
        };
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None => return self.err("unterminated class"),
                Some(']') if !items.is_empty() => {
                    self.pos += 1;
                    break;
                }
                Some('-') if !items.is_empty() && self.chars.get(self.pos + 1) == Some(&'[') => {
                    return self.err("class subtraction is not supported");
                }
                _ => {}
            }
            let first = self.class_char()?;
            if let Item::Range(lo, _) = first {
                if self.peek() == Some('-')
                    && self.chars.get(self.pos + 1).is_some_and(|&c| c != ']')
                {
                    self.pos += 1;
                    match self.class_char()? {
                        Item::Range(hi, _) if hi >= lo => {
                            items.push(Item::Range(lo, hi));
                            continue;
                        }
                        _ => return self.err("bad range in class"),
                    }
                }
            }
            items.push(first);
        }
        Ok(Class { neg, items })
    }
}

fn emit(node: &Node, prog: &mut Vec<Inst>) {
    match node {
        Node::Empty => {}
        Node::Class(c) => {
            let next = prog.len() + 1;
            prog.push(Inst::Char(c.clone(), next));
        }
        Node::Seq(v) => v.iter().for_each(|n| emit(n, prog)),
        Node::Alt(v) => {
            // split L1, next; L1: a; jmp end; ...
            let mut jumps = Vec::new();
            for (i, n) in v.iter().enumerate() {
                if i + 1 < v.len() {
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    emit(n, prog);
                    jumps.push(prog.len());
                    prog.push(Inst::Jmp(0));
                    let here = prog.len();
                    prog[split] = Inst::Split(split + 1, here);
                } else {
                    emit(n, prog);
                }
            }
            let end = prog.len();
            for j in jumps {
                prog[j] = Inst::Jmp(end);
            }
        }
        Node::Repeat(n, min, max) => {
            for _ in 0..*min {
                emit(n, prog);
            }
            match max {
                None => {
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    emit(n, prog);
                    prog.push(Inst::Jmp(split));
                    let end = prog.len();
                    prog[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(prog.len());
                        prog.push(Inst::Split(0, 0));
                        let here = prog.len();
                        emit(n, prog);
                        let last = splits.len() - 1;
                        prog[splits[last]] = Inst::Split(here, 0);
                    }
                    let end = prog.len();
                    for s in splits {
                        if let Inst::Split(a, _) = prog[s] {
                            prog[s] = Inst::Split(a, end);
                        }
                    }
                }
            }
        }
    }
}

impl Regex {
    /// Compiles an XML Schema pattern; an error names what is unsupported.
    pub(super) fn new(src: &str) -> Result<Regex, String> {
        let mut p = Parser {
            chars: src.chars().collect(),
            pos: 0,
            src,
        };
        let node = p.regexp()?;
        if p.pos != p.chars.len() {
            return p.err("unbalanced ')'");
        }
        let mut prog = Vec::new();
        emit(&node, &mut prog);
        prog.push(Inst::Match);
        if prog.len() > 10_000 {
            return p.err("too large");
        }
        let no_ws_plus = src == "[^\\s]+" || src == "\\S+";
        Ok(Regex {
            prog,
            source: src.to_string(),
            no_ws_plus,
        })
    }

    /// The pattern as written in the schema.
    pub(super) fn source(&self) -> &str {
        &self.source
    }

    fn add(&self, set: &mut Vec<usize>, seen: &mut [bool], pc: usize) {
        if seen[pc] {
            return;
        }
        seen[pc] = true;
        match self.prog[pc] {
            Inst::Split(a, b) => {
                self.add(set, seen, a);
                self.add(set, seen, b);
            }
            Inst::Jmp(a) => self.add(set, seen, a),
            _ => set.push(pc),
        }
    }

    /// True if the whole of `s` matches.
    pub(super) fn is_match(&self, s: &str) -> bool {
        let n = self.prog.len();
        let mut cur = Vec::with_capacity(n);
        let mut next = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        self.add(&mut cur, &mut seen, 0);
        for c in s.chars() {
            next.clear();
            seen.iter_mut().for_each(|x| *x = false);
            for &pc in &cur {
                if let Inst::Char(ref class, to) = self.prog[pc] {
                    if class.matches(c) {
                        self.add(&mut next, &mut seen, to);
                    }
                }
            }
            std::mem::swap(&mut cur, &mut next);
            if cur.is_empty() {
                return false;
            }
        }
        cur.iter().any(|&pc| matches!(self.prog[pc], Inst::Match))
    }

    /// True when the pattern is exactly `[^\s]+` (or `\S+`), which the
    /// caller checks directly.
    #[inline]
    pub(super) fn no_whitespace_plus(&self) -> bool {
        self.no_ws_plus
    }
}

#[cfg(test)]
mod tests {
    use super::Regex;

    #[test]
    fn patterns() {
        let r = Regex::new("[^\\s]+").unwrap();
        assert!(r.is_match("abc"));
        assert!(!r.is_match(""));
        assert!(!r.is_match("a b"));
        assert!(!r.is_match("a\tb"));
        assert!(r.is_match("a\u{a0}b"));
        let r = Regex::new("[a-c]{2,3}(x|yz)?").unwrap();
        assert!(r.is_match("ab"));
        assert!(r.is_match("abcx"));
        assert!(r.is_match("abyz"));
        assert!(!r.is_match("a"));
        assert!(!r.is_match("abcdx"));
        assert!(Regex::new("\\d+").is_err());
        assert!(Regex::new("[a-z-[aeiou]]").is_err());
        let r = Regex::new("\\i\\c*").unwrap();
        assert!(r.is_match("a1"));
        assert!(!r.is_match("1a"));
    }
}
