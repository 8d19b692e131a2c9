with

taxonomy_features as (

    select feature
    from {{ ref('int_event_taxonomy_validated') }}
    where is_core_feature and feature is not null

),

used_features as (

    select feature
    from {{ ref('int_account_days_core_features_used') }}

),

final as (

    select feature from taxonomy_features
    union
    select feature from used_features

)

select * from final
