//! Colour, decided once per stream.

use colored::{Color, Colorize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

/// Paints text for one stream, or leaves it plain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    pub const PLAIN: Paint = Paint { enabled: false };

    pub fn decide(choice: ColorChoice, is_terminal: bool) -> Paint {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        };
        // `colored` has its own global switch; this type decides per stream instead.
        colored::control::set_override(true);
        Paint { enabled }
    }

    fn paint(self, text: &str, color: Option<Color>, bold: bool, dim: bool) -> String {
        if !self.enabled {
            return text.to_owned();
        }
        let mut styled = text.normal();
        if let Some(color) = color {
            styled = styled.color(color);
        }
        if bold {
            styled = styled.bold();
        }
        if dim {
            styled = styled.dimmed();
        }
        styled.to_string()
    }

    pub fn error(self, text: &str) -> String {
        self.paint(text, Some(Color::Red), true, false)
    }
    pub fn warning(self, text: &str) -> String {
        self.paint(text, Some(Color::Yellow), true, false)
    }
    pub fn success(self, text: &str) -> String {
        self.paint(text, Some(Color::Green), true, false)
    }
    pub fn bold(self, text: &str) -> String {
        self.paint(text, None, true, false)
    }
    pub fn dim(self, text: &str) -> String {
        self.paint(text, None, false, true)
    }
    /// Structure: gutters, arrows, header names.
    pub fn accent(self, text: &str) -> String {
        self.paint(text, Some(Color::Blue), true, false)
    }
    pub fn name(self, text: &str) -> String {
        self.paint(text, Some(Color::Cyan), false, false)
    }
}
