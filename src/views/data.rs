//! データ: the dataset's tables.

use yew::prelude::*;

use super::ViewProps;
use crate::components::ComingSoon;

/// The data view. It says what will come here until it is built.
#[function_component(DataView)]
pub fn data_view(props: &ViewProps) -> Html {
    html! { <ComingSoon lang={props.lang} view={&props.lang.texts().data} /> }
}
