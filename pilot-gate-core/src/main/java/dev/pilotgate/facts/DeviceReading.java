package dev.pilotgate.facts;

/**
 * One device's relative reading offset, unpacked from its data source so that a rule can
 * match each device on its own.
 *
 * @param source    the data source's name
 * @param device    the device's name
 * @param offset    relative offset (0.12 means readings 12% high)
 * @param magnitude the offset's absolute value
 */
public record DeviceReading(String source, String device, double offset, double magnitude) {}
