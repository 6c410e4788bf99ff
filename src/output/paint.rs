//! Colour, decided once per stream, and the same decision for everything that writes to
//! it: the tool's output, clap's messages and dialoguer's prompts.

use colored::{Color, Colorize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless the environment says otherwise (NO_COLOR, CLICOLOR,
    /// CLICOLOR_FORCE, TERM=dumb)
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether a stream is coloured: the flag first, then the environment as the Rust CLI
    /// ecosystem reads it (anstream's order): `NO_COLOR` set turns colour off,
    /// `CLICOLOR_FORCE` set turns it on, `CLICOLOR=0` off, and on a terminal it is on
    /// unless `TERM=dumb`.
    pub fn enabled(self, is_terminal: bool, env: &dyn Fn(&str) -> Option<String>) -> bool {
        let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("NO_COLOR") => false,
            ColorChoice::Auto
                if set("CLICOLOR_FORCE") && env("CLICOLOR_FORCE").as_deref() != Some("0") =>
            {
                true
            }
            ColorChoice::Auto if env("CLICOLOR").as_deref() == Some("0") => false,
            ColorChoice::Auto => is_terminal && env("TERM").as_deref() != Some("dumb"),
        }
    }
}

/// Paints text for one stream, or leaves it plain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    pub const PLAIN: Paint = Paint { enabled: false };

    pub fn decide(choice: ColorChoice, is_terminal: bool) -> Paint {
        let env = |name: &str| std::env::var(name).ok();
        // `colored` has its own global switch; this type decides per stream instead.
        colored::control::set_override(true);
        Paint {
            enabled: choice.enabled(is_terminal, &env),
        }
    }

    pub fn is_enabled(self) -> bool {
        self.enabled
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

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn the_flag_then_the_environment() {
        let auto = ColorChoice::Auto;
        assert!(auto.enabled(true, &with(&[])));
        assert!(!auto.enabled(false, &with(&[])));
        assert!(!auto.enabled(true, &with(&[("NO_COLOR", "1")])));
        assert!(auto.enabled(true, &with(&[("NO_COLOR", "")])));
        assert!(auto.enabled(false, &with(&[("CLICOLOR_FORCE", "1")])));
        assert!(!auto.enabled(false, &with(&[("CLICOLOR_FORCE", "0")])));
        assert!(!auto.enabled(false, &with(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])));
        assert!(!auto.enabled(true, &with(&[("CLICOLOR", "0")])));
        assert!(!auto.enabled(true, &with(&[("TERM", "dumb")])));
        assert!(ColorChoice::Always.enabled(false, &with(&[("NO_COLOR", "1")])));
        assert!(!ColorChoice::Never.enabled(true, &with(&[("CLICOLOR_FORCE", "1")])));
    }
}
