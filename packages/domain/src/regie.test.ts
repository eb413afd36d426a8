import { describe, expect, it } from 'vitest';
import { ROLLEN, REGIE_ROLLEN } from './access/roles.js';
import { kanRegieHouden, vertrekProbleem, voorstelProbleem } from './regie.js';

describe('kanRegieHouden', () => {
  it('an active user with a regie role can; every other role cannot', () => {
    for (const rol of ROLLEN) {
      const r = kanRegieHouden({ userId: 'u', actief: true, roles: [rol] });
      expect(r === null, rol).toBe(REGIE_ROLLEN.includes(rol));
    }
    expect(REGIE_ROLLEN).not.toContain('politie');
    expect(REGIE_ROLLEN).not.toContain('functioneel-beheerder');
  });
  it('an inactive user cannot, whatever the roles; one regie role among others is enough', () => {
    expect(kanRegieHouden({ userId: 'u', actief: false, roles: ['lokaal-team'] })).toBe('deze gebruiker is niet actief');
    expect(kanRegieHouden({ userId: 'u', actief: true, roles: [] })).toMatch(/geen rol/);
    expect(kanRegieHouden({ userId: 'u', actief: true, roles: ['politie', 'lokaal-team'] })).toBeNull();
  });
});

describe('voorstelProbleem', () => {
  it('refuses a proposal to the current holder and to oneself', () => {
    expect(voorstelProbleem({ huidig: 'a', voorsteller: 'a', naar: 'a' })).toBe('deze persoon heeft de regie al');
    expect(voorstelProbleem({ huidig: 'a', voorsteller: 'b', naar: 'b' })).toMatch(/aan een ander/);
    expect(voorstelProbleem({ huidig: null, voorsteller: 'b', naar: 'b' })).toMatch(/aan een ander/);
  });
  it('anyone involved may propose another person (the receiver accepts)', () => {
    expect(voorstelProbleem({ huidig: 'a', voorsteller: 'a', naar: 'b' })).toBeNull();
    expect(voorstelProbleem({ huidig: 'a', voorsteller: 'c', naar: 'b' })).toBeNull();
    expect(voorstelProbleem({ huidig: null, voorsteller: 'c', naar: 'b' })).toBeNull();
  });
});

describe('vertrekProbleem', () => {
  it('nothing held: may leave; something held: names how many and what to do', () => {
    expect(vertrekProbleem([])).toBeNull();
    expect(vertrekProbleem([{ huishoudenId: 'h', soort: 'procesregisseur' }])).toMatch(/^deze gebruiker heeft de regie over een huishouden; draag die eerst over/);
    expect(vertrekProbleem([{ huishoudenId: 'h', soort: 'casusregisseur' }, { huishoudenId: 'i', soort: 'casusregisseur' }])).toMatch(/over 2 huishoudens/);
  });
});
