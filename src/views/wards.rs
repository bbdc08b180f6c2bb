//! 地域: coverage by Sapporo ward.

use yew::prelude::*;

use super::ViewProps;
use crate::components::ComingSoon;

/// The wards view. It says what will come here until it is built.
#[function_component(WardsView)]
pub fn wards_view(props: &ViewProps) -> Html {
    html! { <ComingSoon lang={props.lang} view={&props.lang.texts().wards} /> }
}
