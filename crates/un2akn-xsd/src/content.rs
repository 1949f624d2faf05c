//! Content models compiled to deterministic automata.
//!
//! Each complex type's effective particle (for an extension: the base
//! particle followed by the extension's) is turned into a Glushkov
//! (position) automaton: one position per element or wildcard occurrence,
//! with `minOccurs`/`maxOccurs` unrolled (unbounded becomes a loop).
//! Positions that have the same follow set and finality accept the same
//! continuations, so they are merged before the subset construction; for a
//! schema satisfying Unique Particle Attribution every reachable state is then
//! a single merged class and the automaton is small (a repeated choice of a
//! hundred elements becomes one state).
//!
//! All automata share one transition table with a column per element name
//! of the schema, so a step is one array load: `(target state, declaration)`.
//! Wildcard transitions (rare) are kept per state and tried when the name
//! has no transition.

use std::sync::Arc;

use super::hash::FxHashMap;

/// A term of a particle. Children are shared (`Arc`), so that a group used
/// in many places, or a base type's content, is never deep-copied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Term {
    /// An element: its name id (the automaton column) and declaration id.
    Elem { name: u16, decl: u32 },
    /// A wildcard, by index in the model's wildcard table.
    Wild(u32),
    /// A sequence.
    Seq(Arc<[Particle]>),
    /// A choice.
    Choice(Arc<[Particle]>),
}

/// A particle: a term with occurrence bounds (`max == None`: unbounded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Particle {
    pub(super) min: u32,
    pub(super) max: Option<u32>,
    pub(super) term: Term,
    /// A structural fingerprint, computed bottom-up (the automaton cache key).
    fp: u64,
}

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

impl Particle {
    /// A particle, with its fingerprint.
    pub(super) fn new(min: u32, max: Option<u32>, term: Term) -> Particle {
        let mut h = mix(
            mix(0x1234_5678, u64::from(min)),
            max.map_or(u64::MAX, u64::from),
        );
        h = match &term {
            Term::Elem { name, decl } => mix(mix(mix(h, 1), u64::from(*name)), u64::from(*decl)),
            Term::Wild(w) => mix(mix(h, 2), u64::from(*w)),
            Term::Seq(v) => v.iter().fold(mix(h, 3), |h, p| mix(h, p.fp)),
            Term::Choice(v) => v.iter().fold(mix(h, 4), |h, p| mix(h, p.fp)),
        };
        Particle {
            min,
            max,
            term,
            fp: h,
        }
    }

    /// True if the particle accepts nothing but the empty sequence.
    pub(super) fn is_empty(&self) -> bool {
        if self.max == Some(0) {
            return true;
        }
        match &self.term {
            Term::Elem { .. } | Term::Wild(_) => false,
            Term::Seq(v) | Term::Choice(v) => v.iter().all(Particle::is_empty),
        }
    }
}

/// A label of a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Label {
    Elem { name: u16, decl: u32 },
    Wild(u32),
}

/// The expanded regular expression over positions.
enum Re {
    Eps,
    Pos(usize),
    Seq(Vec<Re>),
    Alt(Vec<Re>),
    Star(Box<Re>),
    Opt(Box<Re>),
}

const MAX_POSITIONS: usize = 20_000;

struct Builder {
    labels: Vec<Label>,
}

impl Builder {
    fn expand(&mut self, p: &Particle) -> Result<Re, String> {
        if p.max == Some(0) {
            return Ok(Re::Eps);
        }
        let mut parts = Vec::new();
        for _ in 0..p.min {
            parts.push(self.term(&p.term)?);
        }
        match p.max {
            None => parts.push(Re::Star(Box::new(self.term(&p.term)?))),
            Some(max) => {
                for _ in p.min..max {
                    parts.push(Re::Opt(Box::new(self.term(&p.term)?)));
                }
            }
        }
        Ok(match parts.len() {
            0 => Re::Eps,
            1 => parts.pop().unwrap_or(Re::Eps),
            _ => Re::Seq(parts),
        })
    }

    fn term(&mut self, t: &Term) -> Result<Re, String> {
        if self.labels.len() > MAX_POSITIONS {
            return Err("content model too large after unrolling occurrence bounds".into());
        }
        Ok(match t {
            Term::Elem { name, decl } => {
                self.labels.push(Label::Elem {
                    name: *name,
                    decl: *decl,
                });
                Re::Pos(self.labels.len() - 1)
            }
            Term::Wild(w) => {
                self.labels.push(Label::Wild(*w));
                Re::Pos(self.labels.len() - 1)
            }
            Term::Seq(v) => Re::Seq(v.iter().map(|p| self.expand(p)).collect::<Result<_, _>>()?),
            Term::Choice(v) => Re::Alt(v.iter().map(|p| self.expand(p)).collect::<Result<_, _>>()?),
        })
    }
}

/// A set of positions as a bitset, inline up to 256 positions.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Bits {
    Small([u64; 4]),
    Big(Vec<u64>),
}

impl Bits {
    fn new(n: usize) -> Bits {
        if n <= 256 {
            Bits::Small([0; 4])
        } else {
            Bits::Big(vec![0; n.div_ceil(64)])
        }
    }
    fn words(&self) -> &[u64] {
        match self {
            Bits::Small(w) => w,
            Bits::Big(w) => w,
        }
    }
    fn words_mut(&mut self) -> &mut [u64] {
        match self {
            Bits::Small(w) => w,
            Bits::Big(w) => w,
        }
    }
    fn set(&mut self, i: usize) {
        self.words_mut()[i / 64] |= 1 << (i % 64);
    }
    fn get(&self, i: usize) -> bool {
        self.words()[i / 64] & (1 << (i % 64)) != 0
    }
    fn union(&mut self, o: &Bits) {
        for (a, b) in self.words_mut().iter_mut().zip(o.words()) {
            *a |= *b;
        }
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words().iter().enumerate().flat_map(|(w, &bits)| {
            let mut b = bits;
            std::iter::from_fn(move || {
                if b == 0 {
                    return None;
                }
                let t = b.trailing_zeros() as usize;
                b &= b - 1;
                Some(w * 64 + t)
            })
        })
    }
}

/// Computes (nullable, first, last) and fills `follow`.
fn glushkov(re: &Re, n: usize, follow: &mut [Bits]) -> (bool, Bits, Bits) {
    match re {
        Re::Eps => (true, Bits::new(n), Bits::new(n)),
        Re::Pos(p) => {
            let mut f = Bits::new(n);
            f.set(*p);
            (false, f.clone(), f)
        }
        Re::Seq(v) => {
            let mut nullable = true;
            let mut first = Bits::new(n);
            let mut last = Bits::new(n);
            for r in v {
                let (nl, fi, la) = glushkov(r, n, follow);
                for p in last.iter() {
                    follow[p].union(&fi);
                }
                if nullable {
                    first.union(&fi);
                }
                if nl {
                    last.union(&la);
                } else {
                    last = la;
                }
                nullable &= nl;
            }
            (nullable, first, last)
        }
        Re::Alt(v) => {
            let mut nullable = false;
            let mut first = Bits::new(n);
            let mut last = Bits::new(n);
            for r in v {
                let (nl, fi, la) = glushkov(r, n, follow);
                nullable |= nl;
                first.union(&fi);
                last.union(&la);
            }
            (nullable, first, last)
        }
        Re::Star(r) => {
            let (_, fi, la) = glushkov(r, n, follow);
            for p in la.iter() {
                follow[p].union(&fi);
            }
            (true, fi, la)
        }
        Re::Opt(r) => {
            let (_, fi, la) = glushkov(r, n, follow);
            (true, fi, la)
        }
    }
}

/// The compiled automata of a schema.
#[derive(Debug, Default)]
pub(super) struct Automata {
    /// Number of element-name columns.
    pub(super) width: usize,
    /// `state * width + name` → `0` (no transition) or
    /// `(target + 1) | (decl << 32)`.
    pub(super) table: Vec<u64>,
    /// Per state: accepting?
    pub(super) accepting: Vec<bool>,
    /// Per state: `(wildcard id, target, )` transitions.
    pub(super) wild: Vec<Vec<(u32, u32)>>,
    /// Cache of automata by particle fingerprint: (particle, start state).
    cache: FxHashMap<u64, Vec<(Option<Particle>, u32)>>,
}

/// A transition found by [`Automata::step`].
pub(super) enum Step {
    /// An element transition: next state and element declaration.
    Elem(u32, u32),
    /// No transition for this name.
    None,
}

impl Automata {
    /// New, empty automata for `width` element names.
    pub(super) fn new(width: usize) -> Automata {
        Automata {
            width,
            ..Automata::default()
        }
    }

    /// The transition on element name `name` from `state`, if any.
    #[inline]
    pub(super) fn step(&self, state: u32, name: u16) -> Step {
        let e = self.table[state as usize * self.width + name as usize];
        if e == 0 {
            Step::None
        } else {
            Step::Elem((e as u32) - 1, (e >> 32) as u32)
        }
    }

    /// The wildcard transitions of a state.
    #[inline]
    pub(super) fn wildcards(&self, state: u32) -> &[(u32, u32)] {
        &self.wild[state as usize]
    }

    /// The element names with a transition from `state`, in column order.
    pub(super) fn expected(&self, state: u32) -> impl Iterator<Item = u16> + '_ {
        let row = &self.table[state as usize * self.width..(state as usize + 1) * self.width];
        row.iter()
            .enumerate()
            .filter(|(_, &e)| e != 0)
            .map(|(i, _)| i as u16)
    }

    /// Compiles `particle` (`None`: empty content), returning the start state.
    pub(super) fn compile(&mut self, particle: Option<&Particle>) -> Result<u32, String> {
        let fp = particle.map_or(0, |p| p.fp);
        if let Some(list) = self.cache.get(&fp) {
            if let Some((_, s)) = list.iter().find(|(p, _)| p.as_ref() == particle) {
                return Ok(*s);
            }
        }
        let start = self.build(particle)?;
        self.cache
            .entry(fp)
            .or_default()
            .push((particle.cloned(), start));
        Ok(start)
    }

    fn build(&mut self, particle: Option<&Particle>) -> Result<u32, String> {
        let mut b = Builder { labels: Vec::new() };
        let re = match particle {
            Some(p) => b.expand(p)?,
            None => Re::Eps,
        };
        let n = b.labels.len();
        let mut follow = vec![Bits::new(n); n];
        let (nullable, first, last) = glushkov(&re, n, &mut follow);
        // Classes: position index n is the start pseudo-position.
        let mut class_of: Vec<usize> = vec![0; n + 1];
        let mut class_key: FxHashMap<(Bits, bool), usize> = FxHashMap::default();
        let mut class_follow: Vec<Bits> = Vec::new();
        let mut class_final: Vec<bool> = Vec::new();
        for p in 0..=n {
            let (f, fin) = if p == n {
                (first.clone(), nullable)
            } else {
                (follow[p].clone(), last.get(p))
            };
            let next = class_follow.len();
            let c = *class_key.entry((f.clone(), fin)).or_insert_with(|| {
                class_follow.push(f);
                class_final.push(fin);
                next
            });
            class_of[p] = c;
        }
        // Subset construction over classes (singletons for UPA-valid models).
        let mut states: Vec<Vec<usize>> = vec![vec![class_of[n]]];
        let mut index: FxHashMap<Vec<usize>, u32> = FxHashMap::default();
        index.insert(states[0].clone(), 0);
        let base = self.accepting.len() as u32;
        let mut i = 0;
        while i < states.len() {
            let set = states[i].clone();
            // Union of follow positions of the classes.
            let mut fol = Bits::new(n);
            for &c in &set {
                fol.union(&class_follow[c]);
            }
            // Group follow positions by label.
            let mut by_label: Vec<(Label, Vec<usize>)> = Vec::new();
            let mut label_index: FxHashMap<Label, usize> = FxHashMap::default();
            for q in fol.iter() {
                let l = b.labels[q];
                let k = *label_index.entry(l).or_insert_with(|| {
                    by_label.push((l, Vec::new()));
                    by_label.len() - 1
                });
                let c = class_of[q];
                if !by_label[k].1.contains(&c) {
                    by_label[k].1.push(c);
                }
            }
            let row_start = self.table.len();
            self.table.resize(row_start + self.width, 0);
            self.accepting.push(set.iter().any(|&c| class_final[c]));
            self.wild.push(Vec::new());
            // Names with several declarations (only with non-UPA local
            // declarations) keep the first.
            for (label, mut classes) in by_label {
                classes.sort_unstable();
                let target = match index.get(&classes) {
                    Some(&t) => t,
                    None => {
                        let t = states.len() as u32;
                        index.insert(classes.clone(), t);
                        states.push(classes);
                        t
                    }
                };
                let global = base + target;
                match label {
                    Label::Elem { name, decl } => {
                        let cell = &mut self.table[row_start + name as usize];
                        if *cell == 0 {
                            *cell = u64::from(global + 1) | (u64::from(decl) << 32);
                        } else {
                            // Same name under two labels (different declarations):
                            // merge the targets is not possible here; the schema is
                            // not UPA-valid.
                            return Err("the content model is not deterministic".into());
                        }
                    }
                    Label::Wild(w) => {
                        let st = (base as usize) + i;
                        self.wild[st].push((w, global));
                    }
                }
            }
            if states.len() > 100_000 {
                return Err("content model automaton too large".into());
            }
            i += 1;
        }
        Ok(base)
    }
}
