//! 成長: the growth timeline.

use yew::prelude::*;

use super::ViewProps;
use crate::components::ComingSoon;

/// The growth view. It says what will come here until it is built.
#[function_component(GrowthView)]
pub fn growth_view(props: &ViewProps) -> Html {
    html! { <ComingSoon lang={props.lang} view={&props.lang.texts().growth} /> }
}
