//! The quality figures, exactly as `score.py` defines them: the shingle F1 of the
//! article-extraction-benchmark and the WCXB bag-of-words F1. Shared by the `evaluate` and
//! `train` examples, so that training reports the same figures CI gates on.

#![allow(dead_code)]

use std::collections::HashMap;

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// Python's `\w`: letters, numbers and the underscore.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number
    )
}

/// `re.findall(r"\w+", text)`.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    let n = toks.len().saturating_sub(3).max(1);
    for i in 0..n {
        let end = (i + 4).min(toks.len());
        *m.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    m
}

/// (tp, fp, fn) of the multisets.
fn overlap<K: std::hash::Hash + Eq>(
    g: &HashMap<K, usize>,
    p: &HashMap<K, usize>,
) -> (usize, usize, usize) {
    let mut tp = 0;
    let mut fp = 0;
    for (k, &pc) in p {
        let gc = g.get(k).copied().unwrap_or(0);
        tp += pc.min(gc);
        fp += pc.saturating_sub(gc);
    }
    let fnn = g
        .iter()
        .map(|(k, &gc)| gc.saturating_sub(p.get(k).copied().unwrap_or(0)))
        .sum();
    (tp, fp, fnn)
}

#[derive(Default, Clone)]
pub struct DocScore {
    /// Shingle precision, when the output has a shingle.
    pub p: Option<f64>,
    /// Shingle recall, when the gold has a shingle.
    pub r: Option<f64>,
    pub exact: bool,
    pub empty: bool,
    pub bow_f1: f64,
}

pub fn score_doc(gold: &str, pred: &str) -> DocScore {
    let gt = tokens(gold);
    let pt = tokens(pred);
    let (tp, fp, fnn) = overlap(&shingles(&gt), &shingles(&pt));
    let (p, r) = if fp == 0 && fnn == 0 {
        (1.0, 1.0)
    } else {
        (
            if tp + fp > 0 {
                tp as f64 / (tp + fp) as f64
            } else {
                0.0
            },
            if tp + fnn > 0 {
                tp as f64 / (tp + fnn) as f64
            } else {
                0.0
            },
        )
    };
    let gold_l = gold.to_lowercase();
    let pred_l = pred.to_lowercase();
    let count = |t: Vec<&str>| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for w in t {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
        m
    };
    let gb = count(tokens(&gold_l));
    let pb = count(tokens(&pred_l));
    let ng: usize = gb.values().sum();
    let np: usize = pb.values().sum();
    let bow_f1 = if ng == 0 {
        if np == 0 { 1.0 } else { 0.0 }
    } else if np == 0 {
        0.0
    } else {
        let (o, _, _) = overlap(&gb, &pb);
        let (pr, rc) = (o as f64 / np as f64, o as f64 / ng as f64);
        if pr + rc > 0.0 {
            2.0 * pr * rc / (pr + rc)
        } else {
            0.0
        }
    };
    DocScore {
        p: (tp + fp > 0).then_some(p),
        r: (tp + fnn > 0).then_some(r),
        exact: gt == pt,
        empty: pt.is_empty(),
        bow_f1,
    }
}

pub fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (s, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { s / n as f64 }
}

pub fn print_row(name: &str, docs: &[DocScore]) {
    let p = mean(docs.iter().filter_map(|d| d.p));
    let r = mean(docs.iter().filter_map(|d| d.r));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let acc = mean(docs.iter().map(|d| f64::from(u8::from(d.exact))));
    let empty = docs.iter().filter(|d| d.empty).count();
    let bow = mean(docs.iter().map(|d| d.bow_f1));
    println!(
        "{name:<28}{:>6}{f1:>8.3}{p:>8.3}{r:>8.3}{acc:>7.3}{empty:>7}{bow:>8.3}",
        docs.len()
    );
}

pub fn corpus_f1(docs: &[DocScore]) -> f64 {
    let p = mean(docs.iter().filter_map(|d| d.p));
    let r = mean(docs.iter().filter_map(|d| d.r));
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The column names above [`print_row`].
pub fn print_header() {
    println!(
        "{:<28}{:>6}{:>8}{:>8}{:>8}{:>7}{:>7}{:>8}",
        "set", "n", "F1", "P", "R", "acc", "empty", "bowF1"
    );
}
