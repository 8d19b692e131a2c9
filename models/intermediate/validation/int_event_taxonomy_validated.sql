{{ validated_model('event_taxonomy', [
    'event_name', 'feature', 'event_role', 'is_core_feature',
]) }}
