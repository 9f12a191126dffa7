package dev.demoforge.device.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import dev.demoforge.device.api.DeviceDriverFactory;
import dev.demoforge.device.api.settings.DriverSettings;
import dev.demoforge.device.api.settings.DriverSettingsService;
import dev.demoforge.device.api.settings.SettingSpec;
import dev.demoforge.device.api.settings.SettingType;

/**
 * Driver settings from the Metatype service: finds the bundle that registered the driver's factory and reads the
 * object class definition designated by the PID equal to the driver id.
 */
@Component(service = DriverSettingsService.class)
public final class MetatypeDriverSettings implements DriverSettingsService {

    private final BundleContext context;
    private final MetaTypeService metaTypes;

    @Activate
    public MetatypeDriverSettings(BundleContext context, @Reference MetaTypeService metaTypes) {
        this.context = context;
        this.metaTypes = metaTypes;
    }

    @Override
    public Optional<DriverSettings> settings(String driverId) {
        for (ServiceReference<DeviceDriverFactory> ref : factories()) {
            DeviceDriverFactory factory = context.getService(ref);
            if (factory == null) {
                continue;
            }
            try {
                if (factory.driverId().equals(driverId)) {
                    return describe(ref.getBundle(), driverId);
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> driverIds() {
        List<String> ids = new ArrayList<>();
        for (ServiceReference<DeviceDriverFactory> ref : factories()) {
            DeviceDriverFactory factory = context.getService(ref);
            if (factory != null) {
                try {
                    ids.add(factory.driverId());
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        return ids.stream().distinct().sorted().toList();
    }

    private Collection<ServiceReference<DeviceDriverFactory>> factories() {
        try {
            return context.getServiceReferences(DeviceDriverFactory.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<DriverSettings> describe(Bundle bundle, String driverId) {
        if (bundle == null) {
            return Optional.empty();
        }
        MetaTypeInformation info = metaTypes.getMetaTypeInformation(bundle);
        if (info == null || !Arrays.asList(info.getPids()).contains(driverId)) {
            return Optional.empty();
        }
        ObjectClassDefinition ocd = info.getObjectClassDefinition(driverId, null);
        List<SettingSpec> specs = new ArrayList<>();
        AttributeDefinition[] required = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        List<String> requiredIds = required == null ? List.of()
                : Arrays.stream(required).map(AttributeDefinition::getID).toList();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            specs.add(spec(ad, requiredIds.contains(ad.getID())));
        }
        return Optional.of(new DriverSettings(driverId, ocd.getName(), specs));
    }

    private static SettingSpec spec(AttributeDefinition ad, boolean required) {
        SettingType type = switch (ad.getType()) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> SettingType.INTEGER;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> SettingType.DOUBLE;
            case AttributeDefinition.BOOLEAN -> SettingType.BOOLEAN;
            default -> SettingType.STRING;
        };
        String[] defaults = ad.getDefaultValue();
        String fallback = defaults == null || defaults.length == 0 ? null : defaults[0];
        String[] options = ad.getOptionValues();
        return new SettingSpec(ad.getID(), ad.getName(), ad.getDescription(), type, fallback, required,
                options == null ? List.of() : List.of(options));
    }
}
