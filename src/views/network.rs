//! ネットワーク: the network map.

use yew::prelude::*;

use super::ViewProps;
use crate::components::ComingSoon;

/// The network view. It says what will come here until it is built.
#[function_component(NetworkView)]
pub fn network_view(props: &ViewProps) -> Html {
    html! { <ComingSoon lang={props.lang} view={&props.lang.texts().network} /> }
}
