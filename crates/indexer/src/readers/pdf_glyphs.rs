//! Text from the glyphs a PDF draws, with their positions: words rebuilt from the gaps between
//! glyphs, lines from their baselines.
//!
//! Why not pdf-extract's own text output: it puts a space wherever two glyphs are more than a tenth
//! of the font size apart, measured with the glyph widths it reads from the font, and it misreads
//! the `c_first c_last width` ranges of CID fonts' `/W` arrays (those glyphs get the font's
//! default width). A PDF printed from a browser places every glyph on its own, at pixel-rounded
//! positions, with such fonts: it comes out as `D iapaga`, `VD P`, `FD S`, and letter-spaced
//! titles and small capitals as `AT TAQUE`, `V D P`. Browsers and office suites draw the spaces
//! between words as space glyphs; on a page that has them, the widths are not trusted: only a jump
//! of the pen well past the glyph and over a wide glyph's width (a tab, a table column) is a word
//! break, and letter-spacing is not. A page without space glyphs (TeX and some converters place
//! each word instead) has simple fonts whose widths pdf-extract reads right: there a gap a little
//! above kerning and below the narrowest word space is a word break. pdf-extract still reads the
//! file, the fonts and their Unicode maps; this module only replaces its layout step.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// On a page with space glyphs, a gap of this many font sizes after the glyph is still a word
/// break (tabs, table columns, words placed apart); letter-spacing and kerning stay well below it.
const GAP_WITH_SPACE_GLYPHS: f64 = 0.45;
/// ... if the pen also moved this many font sizes from the glyph's origin, more than the widest
/// glyph with letter-spacing: a wrong width read from the font cannot make a break.
const PEN_JUMP_WITH_SPACE_GLYPHS: f64 = 1.2;
/// The advance assumed for a glyph whose font gives it no width (half the font size).
const ASSUMED_ADVANCE: f64 = 0.5;
/// On a page without space glyphs: above kerning (under 0.1) and below the narrowest word space
/// of justified text (about 0.2).
const GAP_WITHOUT_SPACE_GLYPHS: f64 = 0.15;
/// A page whose glyphs are at least this share of spaces writes its spaces.
const SPACE_GLYPH_SHARE: f64 = 0.04;
/// A baseline this many font sizes away starts a new line.
const NEW_LINE_SHIFT: f64 = 0.4;
/// A line this many font sizes below the previous one starts a new paragraph.
const NEW_PARAGRAPH_SHIFT: f64 = 1.7;

/// One glyph drawn on a page, in page units, y growing downwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub x: f64,
    /// The baseline.
    pub y: f64,
    /// The glyph's width at this size, as the font gives it (0 when it gives none).
    pub advance: f64,
    /// The font size on the page.
    pub size: f64,
    /// The Unicode text of the glyph (more than one character for a ligature).
    pub text: String,
}

impl Glyph {
    fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// A page's text from its glyphs in drawing order: one line per baseline, a blank line where a
/// line is far below the previous one, a space between words.
pub fn page_text(glyphs: &[Glyph]) -> String {
    let drawn: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| g.size.is_finite() && g.size > 0.0 && g.x.is_finite() && g.y.is_finite())
        .collect();
    let spaces = drawn.iter().filter(|g| g.is_space()).count();
    let spaces_drawn = !drawn.is_empty() && spaces as f64 >= SPACE_GLYPH_SHARE * drawn.len() as f64;
    let mut text = String::new();
    let mut previous: Option<&Glyph> = None;
    let mut line_y = 0.0;
    let mut pending_space = false;
    for glyph in drawn {
        if glyph.is_space() {
            pending_space = true;
            if let Some(prev) = previous {
                // A space glyph moves the pen like any other: the next word starts after it.
                if (glyph.y - prev.y).abs() <= NEW_LINE_SHIFT * glyph.size.max(prev.size) {
                    previous = Some(glyph);
                }
            }
            continue;
        }
        if let Some(prev) = previous {
            let size = glyph.size.max(prev.size);
            let shift = glyph.y - line_y;
            let went_back = glyph.x < prev.x - size;
            if shift.abs() > NEW_LINE_SHIFT * size || went_back {
                trim_trailing_space(&mut text);
                text.push('\n');
                if shift > NEW_PARAGRAPH_SHIFT * size {
                    text.push('\n');
                }
                line_y = glyph.y;
                pending_space = false;
            } else if pending_space || is_word_break(prev, glyph, size, spaces_drawn) {
                if !text.ends_with(' ') && !text.ends_with('\n') && !text.is_empty() {
                    text.push(' ');
                }
                pending_space = false;
            }
        } else {
            line_y = glyph.y;
            pending_space = false;
        }
        push_glyph_text(&mut text, &glyph.text);
        previous = Some(glyph);
    }
    trim_trailing_space(&mut text);
    text
}

/// Whether the pen moved far enough from `prev` to `next` for a space that was not drawn.
fn is_word_break(prev: &Glyph, next: &Glyph, size: f64, spaces_drawn: bool) -> bool {
    let pen = next.x - prev.x;
    if spaces_drawn {
        pen > prev.advance.max(0.0) + GAP_WITH_SPACE_GLYPHS * size
            && pen > PEN_JUMP_WITH_SPACE_GLYPHS * size
    } else {
        let advance = if prev.advance > 0.0 {
            prev.advance
        } else {
            ASSUMED_ADVANCE * size
        };
        pen - advance > GAP_WITHOUT_SPACE_GLYPHS * size
    }
}

fn trim_trailing_space(text: &mut String) {
    while text.ends_with(' ') {
        text.pop();
    }
}

/// Ligatures as their letters (the index and the analyzers see `ff`, not `ﬀ`); control
/// characters from broken Unicode maps dropped.
fn push_glyph_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Receives the glyphs pdf-extract decodes and keeps each page's text.
#[derive(Default)]
pub struct GlyphText {
    /// Turns PDF coordinates (y up) into page coordinates (y down).
    flip: Option<Transform>,
    page: Vec<Glyph>,
    /// The text of the pages done, a blank line between pages.
    pub text: String,
}

impl OutputDev for GlyphText {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip = Some(Transform::row_major(
            1.,
            0.,
            0.,
            -1.,
            0.,
            media_box.ury - media_box.lly,
        ));
        self.page.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let page = page_text(&self.page);
        if !page.trim().is_empty() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.text.push_str(&page);
        }
        self.page.clear();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let position = match &self.flip {
            Some(flip) => trm.post_transform(flip),
            None => *trm,
        };
        // The text matrix scales the font: widths along its x axis (horizontal scaling, condensed
        // fonts), the size along its y axis.
        let x_scale = trm.m11.hypot(trm.m12);
        let y_scale = trm.m21.hypot(trm.m22);
        self.page.push(Glyph {
            x: position.m31,
            y: position.m32,
            advance: width * font_size * x_scale,
            size: font_size * y_scale,
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `words` on one baseline, each letter `advance` wide, `letter_gap` apart, words
    /// separated by a space glyph (`with_spaces`) or by a gap of `word_gap`.
    fn line(
        words: &[&str],
        y: f64,
        letter_gap: f64,
        with_spaces: bool,
        word_gap: f64,
    ) -> Vec<Glyph> {
        let size = 10.0;
        let advance = 5.0;
        let mut x = 72.0;
        let mut glyphs = Vec::new();
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                if with_spaces {
                    glyphs.push(Glyph {
                        x,
                        y,
                        advance: 2.5,
                        size,
                        text: " ".into(),
                    });
                    x += 2.5 + letter_gap;
                } else {
                    x += word_gap;
                }
            }
            for c in word.chars() {
                glyphs.push(Glyph {
                    x,
                    y,
                    advance,
                    size,
                    text: c.to_string(),
                });
                x += advance + letter_gap;
            }
        }
        glyphs
    }

    #[test]
    fn letter_spaced_words_stay_whole_when_the_page_has_space_glyphs() {
        // Browser print: letter-spacing 0.15 em around small capitals, spaces drawn.
        let glyphs = line(
            &["Les", "VDP", "et", "les", "FDS", "à", "Diapaga"],
            100.0,
            1.5,
            true,
            0.0,
        );
        assert_eq!(page_text(&glyphs), "Les VDP et les FDS à Diapaga");
        // An office suite's title: letter-spacing 0.19 em.
        let glyphs = line(&["NOTE", "DE", "SITUATION"], 100.0, 1.9, true, 0.0);
        assert_eq!(page_text(&glyphs), "NOTE DE SITUATION");
    }

    #[test]
    fn glyph_widths_the_font_gets_wrong_do_not_split_words() {
        // pdf-extract gives glyphs of `c_first c_last w` ranges the default width, here 0.
        let glyphs: Vec<Glyph> = line(&["Attaque", "contre", "Diapaga"], 100.0, 0.3, true, 0.0)
            .into_iter()
            .map(|g| Glyph { advance: 0.0, ..g })
            .collect();
        assert_eq!(page_text(&glyphs), "Attaque contre Diapaga");
    }

    #[test]
    fn words_placed_apart_without_space_glyphs_are_split() {
        // TeX: no space glyphs, words a third of the font size apart, kerning under 0.1.
        let glyphs = line(&["Attaque", "contre", "Boni"], 100.0, 0.4, false, 3.3);
        assert_eq!(page_text(&glyphs), "Attaque contre Boni");
    }

    #[test]
    fn a_wide_gap_is_a_word_break_even_with_space_glyphs() {
        let mut glyphs = line(&["Région", "de", "Gao"], 100.0, 0.0, true, 0.0);
        let end = glyphs.last().map(|g| g.x + g.advance).unwrap();
        glyphs.extend(
            line(&["12"], 100.0, 0.0, true, 0.0)
                .into_iter()
                .map(|mut g| {
                    g.x += end - 72.0 + 30.0;
                    g
                }),
        );
        assert_eq!(page_text(&glyphs), "Région de Gao 12");
    }

    #[test]
    fn baselines_make_lines_and_wide_leading_makes_paragraphs() {
        let mut glyphs = line(&["Attaque", "à", "Léré"], 100.0, 0.0, true, 0.0);
        glyphs.extend(line(&["Les", "FAMa"], 112.0, 0.0, true, 0.0));
        glyphs.extend(line(&["Bilan"], 150.0, 0.0, true, 0.0));
        assert_eq!(page_text(&glyphs), "Attaque à Léré\nLes FAMa\n\nBilan");
    }

    #[test]
    fn ligatures_become_letters_and_broken_glyphs_are_dropped() {
        let glyphs = vec![
            Glyph {
                x: 0.0,
                y: 10.0,
                advance: 5.0,
                size: 10.0,
                text: "e".into(),
            },
            Glyph {
                x: 5.0,
                y: 10.0,
                advance: 5.0,
                size: 10.0,
                text: "\u{FB03}".into(),
            },
            Glyph {
                x: 10.0,
                y: 10.0,
                advance: 5.0,
                size: 10.0,
                text: "\u{0}cace".into(),
            },
            Glyph {
                x: 15.0,
                y: 10.0,
                advance: 5.0,
                size: f64::NAN,
                text: "X".into(),
            },
        ];
        assert_eq!(page_text(&glyphs), "efficace");
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_glyphs_never_panic(
            glyphs in proptest::collection::vec(
                (-1e4f64..1e4, -1e4f64..1e4, -50f64..50.0, -5f64..40.0, "\\PC{0,3}"),
                0..60,
            )
        ) {
            let glyphs: Vec<Glyph> = glyphs
                .into_iter()
                .map(|(x, y, advance, size, text)| Glyph { x, y, advance, size, text })
                .collect();
            let text = page_text(&glyphs);
            proptest::prop_assert!(!text.ends_with(' '));
        }
    }
}
