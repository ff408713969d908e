package dev.pilotgate.bench;

import dev.pilotgate.bench.fixtures.BenchPilots;
import dev.pilotgate.model.Pilot;

/** The pilot sizes the evaluation benchmarks take as a parameter. */
public enum Sizes {
  small {
    @Override
    public Pilot pilot() {
      return BenchPilots.small();
    }
  },
  typical {
    @Override
    public Pilot pilot() {
      return BenchPilots.typical();
    }
  },
  large {
    @Override
    public Pilot pilot() {
      return BenchPilots.large();
    }
  };

  public abstract Pilot pilot();
}
