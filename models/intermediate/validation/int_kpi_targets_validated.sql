{{ validated_model('kpi_targets', [
    'kpi_name', 'comparison', 'target_unit', 'kpi_description', 'target_value',
]) }}
