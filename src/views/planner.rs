//! 経路プラン: the referral planner.

use yew::prelude::*;

use super::ViewProps;
use crate::components::ComingSoon;

/// The planner view. It says what will come here until it is built.
#[function_component(PlannerView)]
pub fn planner_view(props: &ViewProps) -> Html {
    html! { <ComingSoon lang={props.lang} view={&props.lang.texts().planner} /> }
}
